import { parseArgs } from 'node:util';

export const SECTIONS = ['throughput', 'list', 'reminders', 'rss', 'startup'] as const;
export type Section = (typeof SECTIONS)[number];

export interface BenchArgs {
  /** An API base URL of a running system (…/v1); unset: the bench starts its own. */
  api?: string;
  /** A Temporal frontend address of a running server; unset: the bench starts its own. */
  temporal?: string;
  /** SQLite pragmas for the bench's own Temporal dev server. */
  pragmas: string[];
  temporalPort: number;
  apiPort: number;
  lifecycles: number;
  concurrency: number;
  rounds: number;
  /** Untimed lifecycles per side before the rounds, at the rounds' concurrency (default 2 × C). */
  warmup: number;
  idempotencyKeys: boolean;
  listRows: number;
  reminders: number;
  /** Seconds the reminders fall due across; 0: all of one offset at one instant. */
  reminderWindow: number;
  dueIn: number;
  open: number;
  startups: number;
  workerPid?: number;
  only: Section[];
  out: string;
}

export const USAGE = `npm run bench -- [flags]
  --lifecycles N     lifecycles per round and per side (default 40)
  --concurrency C    concurrent clients (default 8)
  --rounds R         rounds, product and raw interleaved (default 3)
  --warmup W         untimed lifecycles per side first, C at once (default 2 × C)
  --only S[,S]       throughput|list|reminders|rss|startup (default: all)
  --api URL          use a running API (e.g. http://127.0.0.1:3000/v1) instead of starting one
  --temporal ADDR    use a running Temporal server (host:port) instead of starting one
  --pragma P         SQLite pragma for the bench's own dev server, repeatable
                     (default journal_mode=WAL and synchronous=OFF; none: SQLite's defaults)
  --temporal-port N  port of the bench's own dev server (default 7245; its UI port + 1000)
  --api-port N       port of the bench's own API (default 3245)
  --idempotency-keys send an Idempotency-Key with every POST of the lifecycle
  --list-rows N      commissions seeded for the list section (default 10000)
  --reminders N      reminders due in the same minute (default 1000)
  --reminder-window S  seconds the reminders fall due across (default 60, the same minute; 0: every
                     reminder of an offset due at one instant, the worst case)
  --due-in S         seconds from the first submit to the sign-off deadline (default 100)
  --open N           open commissions for the worker RSS section (default 10000)
  --startups N       cold starts timed in the startup section (default 3)
  --worker-pid PID   the worker process to read RSS from, with --api
  --out DIR          where results go (default bench-results)`;

export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      api: { type: 'string' },
      temporal: { type: 'string' },
      pragma: { type: 'string', multiple: true },
      'temporal-port': { type: 'string', default: '7245' },
      'api-port': { type: 'string', default: '3245' },
      lifecycles: { type: 'string', default: '40' },
      concurrency: { type: 'string', default: '8' },
      rounds: { type: 'string', default: '3' },
      warmup: { type: 'string' },
      'idempotency-keys': { type: 'boolean', default: false },
      'list-rows': { type: 'string', default: '10000' },
      reminders: { type: 'string', default: '1000' },
      'reminder-window': { type: 'string', default: '60' },
      'due-in': { type: 'string', default: '100' },
      open: { type: 'string', default: '10000' },
      startups: { type: 'string', default: '3' },
      'worker-pid': { type: 'string' },
      only: { type: 'string' },
      out: { type: 'string', default: 'bench-results' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const int = (name: string, text: string, min = 1) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min)
      throw new Error(`--${name} must be an integer ≥ ${min}, got ${text}`);
    return n;
  };
  const only = values.only ? values.only.split(',').map((s) => s.trim()) : [...SECTIONS];
  const unknown = only.filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (unknown.length) throw new Error(`--only takes ${SECTIONS.join('|')}, got ${unknown.join(',')}`);
  const pragmas = values.pragma?.length ? values.pragma : ['journal_mode=WAL', 'synchronous=OFF'];
  for (const p of pragmas) {
    if (p !== 'none' && !/^[a-z_]+=[A-Za-z0-9_-]+$/.test(p))
      throw new Error(`--pragma must look like name=value (or none), got ${p}`);
  }
  if (values.api && !values.temporal) throw new Error('--api needs --temporal too (the raw side runs on it)');
  const concurrency = int('concurrency', values.concurrency);
  return {
    api: values.api?.replace(/\/$/, ''),
    temporal: values.temporal,
    // `none`: SQLite's own defaults (rollback journal, synchronous FULL), as the start command had.
    pragmas: pragmas.filter((p) => p !== 'none'),
    temporalPort: int('temporal-port', values['temporal-port']),
    apiPort: int('api-port', values['api-port']),
    lifecycles: int('lifecycles', values.lifecycles),
    concurrency,
    rounds: int('rounds', values.rounds),
    warmup: values.warmup === undefined ? 2 * concurrency : int('warmup', values.warmup, 0),
    idempotencyKeys: values['idempotency-keys'],
    listRows: int('list-rows', values['list-rows'], 100),
    reminders: int('reminders', values.reminders, 2),
    reminderWindow: int('reminder-window', values['reminder-window'], 0),
    dueIn: int('due-in', values['due-in'], 30),
    open: int('open', values.open),
    startups: int('startups', values.startups),
    workerPid: values['worker-pid'] ? int('worker-pid', values['worker-pid']) : undefined,
    only: only as Section[],
    out: values.out,
  };
}
