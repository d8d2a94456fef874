import { loadConfig } from '@app/config';
import { createLogger } from '@app/logging';
import { mintToken } from '../apps/api/src/auth/token';
import { CAST, type CastMember } from '../apps/api/src/web/sign-in/cast';

/**
 * Opens the letter's two studies on a running API (embedded default). Each POST carries a fixed
 * Idempotency-Key, so running this again returns the first result and creates nothing twice.
 */
const person = ({ userId, name, email }: CastMember) => ({ userId, name, email });
const PANEL = [{ ...person(CAST.chair), chair: true }, person(CAST.wood), person(CAST.trowler)];
// The office's shared mailbox, as first seeded: the idempotency key covers the body, so a changed
// address would make re-seeding an existing database a conflict.
const OBSERVERS = [
  person(CAST.warner),
  { ...person(CAST.observer), email: 'ministers.office@example.gov.uk' },
];
const PROGRAMME = 'birmingham-childrens-services';

async function post(
  base: string,
  token: string,
  key: string,
  body: unknown,
): Promise<{ id: string; title: string }> {
  const res = await fetch(`${base}/v1/commissions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST /v1/commissions answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as { id: string; title: string };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger('seed', config.logLevel);
  if (!config.auth.secret) throw new Error('seeding needs the embedded default (JWT_SECRET)');
  const base = `http://127.0.0.1:${config.http.port}`;
  const officer = CAST.commissioningOfficer;
  const token = mintToken(config.auth.secret, {
    sub: officer.userId,
    name: officer.name,
    email: officer.email,
    roles: officer.roles,
  });
  const first = await post(base, token, 'seed-study-improvement-capacity', {
    title: 'Study: creating and promoting improvement capacity in children’s services',
    description:
      'An external study of how improvement capacity can be created or promoted in the children’s ' +
      'services system, so that a range of intervention options is available when a local ' +
      'authority is failing to protect children and young people. Reports in September.',
    programmeId: PROGRAMME,
    regime: 'PA2023',
    panel: PANEL,
    observers: OBSERVERS,
    signOffRule: { mode: 'quorum', quorum: 2, chairRequired: true },
    milestones: {
      interimReportDueAt: '2027-06-30T17:00:00+01:00',
      finalReportDueAt: '2027-09-30T17:00:00+01:00',
    },
  });
  const second = await post(base, token, 'seed-study-birmingham-commissioning', {
    title: 'Study: the future commissioning of children’s services in Birmingham',
    description:
      'A second piece of work on the future commissioning of children’s services in Birmingham in ' +
      'particular, drawing on the first study. Reports in December.',
    programmeId: PROGRAMME,
    regime: 'PA2023',
    panel: PANEL,
    observers: OBSERVERS,
    signOffRule: { mode: 'quorum', quorum: 2, chairRequired: true },
    milestones: { interimReportDueAt: '2027-10-29T17:00:00+01:00', finalReportDueAt: '2027-12-17T17:00:00Z' },
    dependsOn: { commissionId: first.id, gate: 'final-report-accepted' },
  });
  log.info(
    { studies: [first, second].map((c) => ({ id: c.id, title: c.title })) },
    "the letter's two studies are open",
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
