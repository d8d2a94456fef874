import { parseArgs } from 'node:util';
import { THROUGH, type Through } from './lifecycles';

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
  /** How far each throughput lifecycle goes. */
  through: Through;
  /** Seconds from publishing a tender to its close, through the award. */
  closeAfter: number | 'auto';
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
  --concurrency C    concurrent clients (default 8 through the sign-off; 32 through the award, whose
                     lifecycles each wait seconds for their tender to close)
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
  --through T        how far each lifecycle goes: award (default: on through the tender, two bids,
                     its close, scoring and the award) or sign-off (the first five actions only)
  --close-after S    seconds from publishing a tender to its close, through the award (default
                     auto: 3, or twice the warm-up's slowest publish and bids if that is longer)
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
      concurrency: { type: 'string' },
      rounds: { type: 'string', default: '3' },
      warmup: { type: 'string' },
      'idempotency-keys': { type: 'boolean', default: false },
      through: { type: 'string', default: 'award' },
      'close-after': { type: 'string', default: 'auto' },
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
  if (!(THROUGH as readonly string[]).includes(values.through))
    throw new Error(`--through takes ${THROUGH.join('|')}, got ${values.through}`);
  if (values.api && !values.temporal) throw new Error('--api needs --temporal too (the raw side runs on it)');
  // Through the award each lifecycle waits out its tender's close: it takes more clients to keep
  // the machine as busy as eight keep it through the sign-off.
  const concurrency = int('concurrency', values.concurrency ?? (values.through === 'award' ? '32' : '8'));
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
    through: values.through as Through,
    closeAfter: values['close-after'] === 'auto' ? 'auto' : int('close-after', values['close-after'], 2),
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
