import { londonInstant } from '@app/contracts';
import { loadConfig } from '@app/config';
import { createLogger } from '@app/logging';
import { mintToken } from '../apps/api/src/auth/token';
import { CAST, type CastMember } from '../apps/api/src/web/sign-in/cast';

/*
 * Seeds the letter's case on a running API (embedded default): a programme with its two studies,
 * the second depending on the first's interim report being accepted, then prints a token for each
 * person. Each POST carries an Idempotency-Key that names the dates it was made with, so running it
 * again returns the first result and creates nothing twice; other dates make new studies.
 *
 * Dates: by default the coming September (first study's final report) and December (the second's),
 * the first's interim report three months before, the second's seven weeks before (it draws on the
 * first's), 5pm London time. Override with any of
 * SEED_FIRST_INTERIM, SEED_FIRST_FINAL, SEED_SECOND_INTERIM, SEED_SECOND_FINAL (RFC 3339 instants).
 */

const person = ({ userId, name, email }: CastMember) => ({ userId, name, email });
const PANEL = [{ ...person(CAST.chair), chair: true }, person(CAST.wood), person(CAST.trowler)];
const OFFICERS = [person(CAST.officer)];
// The commissioner, the council leader and the minister's office (its shared mailbox).
const OBSERVERS = [
  person(CAST.warner),
  person(CAST.councilLeader),
  { ...person(CAST.observer), email: 'ministers.office@example.gov.uk' },
];
const PROGRAMME = 'letter-childrens-services';
const PEOPLE: CastMember[] = [
  CAST.commissioningOfficer,
  CAST.officer,
  CAST.chair,
  CAST.wood,
  CAST.trowler,
  CAST.warner,
  CAST.councilLeader,
  CAST.observer,
  CAST.supplier,
];

/** The last day of `month` (1–12) at 5pm London time, in the first year it is still to come. */
export function coming(month: number, day: number, now = Date.now()): string {
  const year = new Date(now).getUTCFullYear();
  const at = (y: number) =>
    londonInstant(`${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, '17:00');
  return new Date(at(year) > now ? at(year) : at(year + 1)).toISOString();
}

/** Three months (91 days) before, at the same time of day: the interim report. */
const interimBefore = (final: string) => new Date(Date.parse(final) - 91 * 86_400_000).toISOString();

/**
 * The second study draws on the first's interim report (its tender waits for it), so its own
 * interim report comes later: seven weeks before its final one, at 5pm London (29 October for
 * 17 December). Three months before would be infeasible from the start: its tender could not be
 * published before 1 July and still leave 25 days, evaluation, standstill and eight weeks' work.
 */
const drawingOnTheFirst = (final: string) => {
  const day = new Date(Date.parse(final) - 49 * 86_400_000).toISOString().slice(0, 10);
  return new Date(londonInstant(day, '17:00')).toISOString();
};

export function seedDates(env: NodeJS.ProcessEnv = process.env, now = Date.now()) {
  const firstFinal = env.SEED_FIRST_FINAL ?? coming(9, 30, now);
  const secondFinal = env.SEED_SECOND_FINAL ?? coming(12, 17, Date.parse(firstFinal));
  return {
    first: {
      interimReportDueAt: env.SEED_FIRST_INTERIM ?? interimBefore(firstFinal),
      finalReportDueAt: firstFinal,
    },
    second: {
      interimReportDueAt: env.SEED_SECOND_INTERIM ?? drawingOnTheFirst(secondFinal),
      finalReportDueAt: secondFinal,
    },
  };
}

async function post<T>(base: string, token: string, path: string, key: string, body: unknown): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger('seed', config.logLevel);
  const secret = config.auth.secret;
  if (!secret) throw new Error('seeding needs the embedded default (JWT_SECRET)');
  const base = `http://127.0.0.1:${config.http.port}`;
  const tokenOf = (p: CastMember) =>
    mintToken(secret, { sub: p.userId, name: p.name, email: p.email, roles: p.roles });
  const token = tokenOf(CAST.commissioningOfficer);
  const dates = seedDates();
  const dated = (d: { finalReportDueAt: string }) => d.finalReportDueAt.slice(0, 10);

  await post(base, token, '/v1/programmes', 'seed-v2-programme-letter', {
    id: PROGRAMME,
    name: 'The minister’s letter: improvement capacity, then Birmingham',
    description:
      'The two studies the letter asks for: improvement capacity in children’s services (reports in ' +
      'September), then the future commissioning of children’s services in Birmingham (reports in ' +
      'December), which draws on the first.',
  });
  const common = {
    programmeId: PROGRAMME,
    regime: 'PA2023',
    panel: PANEL,
    officers: OFFICERS,
    observers: OBSERVERS,
    signOffRule: { mode: 'quorum', quorum: 2, chairRequired: true },
  };
  const first = await post<{ id: string; title: string }>(
    base,
    token,
    '/v1/commissions',
    `seed-v2-study-improvement-capacity-${dated(dates.first)}`,
    {
      ...common,
      title: 'Study: creating and promoting improvement capacity in children’s services',
      description:
        'An external study of how improvement capacity can be created or promoted in the children’s ' +
        'services system, so that a range of intervention options is available when a local ' +
        'authority is failing to protect children and young people. Reports in September.',
      milestones: dates.first,
    },
  );
  const second = await post<{ id: string; title: string }>(
    base,
    token,
    '/v1/commissions',
    `seed-v2-study-birmingham-${dated(dates.first)}-${dated(dates.second)}`,
    {
      ...common,
      title: 'Study: the future commissioning of children’s services in Birmingham',
      description:
        'A second piece of work on the future commissioning of children’s services in Birmingham in ' +
        'particular, drawing on the first study. Reports in December.',
      milestones: dates.second,
      dependsOn: { commissionId: first.id, gate: 'interim-report-accepted' },
    },
  );
  log.info(
    { programme: PROGRAMME, studies: [first, second].map((c) => ({ id: c.id, title: c.title })) },
    "the letter's programme and its two studies are open",
  );
  const lines = [
    '',
    `  The letter's programme: GET ${base}/v1/programmes/${PROGRAMME}`,
    `    study 1  ${first.id}  final report ${dates.first.finalReportDueAt}`,
    `    study 2  ${second.id}  final report ${dates.second.finalReportDueAt} (waits on study 1's interim report)`,
    '  Tokens (12 hours), one per person:',
    ...PEOPLE.map((p) => `    ${p.name} (${p.userId}; ${p.roles.join(',')}):\n      ${tokenOf(p)}`),
    '',
  ];
  process.stderr.write(`${lines.join('\n')}\n`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
