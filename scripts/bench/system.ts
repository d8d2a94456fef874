import { connect } from 'node:net';
import { Client as PgClient } from 'pg';
import { loadConfig, type AppConfig } from '@app/config';
import { migrate } from '@app/persistence';
import type { BenchArgs } from './args';
import { abort, libSh, spawnChild, stopOnInterrupt, stopPid, type Child } from './processes';
import { elapsedMs, now } from './stats';

export const DEFAULT_BENCH_DATABASE = 'postgres://postgres@127.0.0.1:5432/commissioning_bench';
export const RAW_TASK_QUEUE = 'bench-raw';

/** The system under test: the bench's own, or the one named by --api and --temporal. */
export interface System {
  own: boolean;
  /** API base, …/v1. */
  api: string;
  config: AppConfig;
  /** The environment the product's processes run with. */
  env: NodeJS.ProcessEnv;
  /** The product's worker, when the bench can see it. */
  workerPid?: number;
  /** A description of the dev server's settings, for the report. */
  server: string;
  /** The dev server's Prometheus endpoint, when the bench started it. */
  metricsUrl?: string;
  /** Where the product's worker and the raw worker serve their SDK metrics, when the bench started them. */
  workerMetricsAddresses?: { product: string; raw: string };
  /** Stops the bench's own API and worker (the startup section then takes their port). */
  stopProduct(): Promise<void>;
  /** Starts the bench's own API and worker afresh (workerPid then names the new worker). */
  restartProduct(): Promise<void>;
  stop(): Promise<void>;
}

/** The API and worker exactly as ./scripts/start runs them (from dist/), until /v1/health answers 200. */
export interface Product {
  api: Child;
  worker: Child;
  healthyAfterMs: number;
  stop(): Promise<void>;
}

export async function startProduct(
  env: NodeJS.ProcessEnv,
  apiPort: number,
  log: (line: string) => void,
): Promise<Product> {
  // A stale API left on the port would answer the health check in the new one's place.
  if (await portAnswers(apiPort))
    throw new Error(`port ${apiPort} is taken: stop what listens there, or choose --api-port`);
  const started = now();
  const procEnv = { ...env, PORT: String(apiPort), PUBLIC_BASE_URL: `http://127.0.0.1:${apiPort}` };
  // BENCH_NODE_FLAGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"): node flags for both, to profile them.
  const flags = (env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const worker = spawnChild(
    'worker',
    [...flags, '--require', './dist/apps/worker/src/workflow-threads.js', 'dist/apps/worker/src/main.js'],
    procEnv,
  );
  const api = spawnChild('api', [...flags, 'dist/apps/api/src/main.js'], procEnv);
  // A measurement without its worker or API means nothing: stop the whole run, saying why.
  for (const c of [worker, api]) {
    c.onUnexpectedExit((how) => {
      log(`the ${c.name} (pid ${c.pid}) ended unexpectedly (${how}); its output: ${c.logFile}`);
      abort(log, 'a process of the system under test ended', 1);
    });
  }
  const release = stopOnInterrupt(() => Promise.all([api.stop(), worker.stop()]).then(() => undefined));
  const stop = async () => {
    await Promise.all([api.stop(), worker.stop()]);
    release();
  };
  try {
    const deadline = Date.now() + 90_000;
    for (;;) {
      for (const c of [worker, api])
        if (!c.running) throw new Error(`the ${c.name} exited during start-up:\n${c.output()}`);
      if (Date.now() > deadline) throw new Error(`the API was not healthy within 90 s:\n${api.output()}`);
      const ok = await fetch(`http://127.0.0.1:${apiPort}/v1/health`)
        .then((r) => r.status === 200)
        .catch(() => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    return { api, worker, healthyAfterMs: elapsedMs(started), stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Drops and recreates the bench's database by the real migrations; refuses any name not *_bench. */
export async function recreateBenchDatabase(databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  if (!name.endsWith('_bench')) throw new Error(`refusing to recreate a database not named *_bench: ${name}`);
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const pg = new PgClient({ connectionString: admin.toString() });
  await pg.connect();
  await pg.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await pg.end();
  await migrate(databaseUrl);
}

/**
 * With --api and --temporal, the running system (the database from DATABASE_URL). Otherwise a fresh
 * one of the bench's own: a dev server started by scripts/lib.sh (the start command's flags, with
 * the bench's pragmas), a recreated database, and the API and worker from dist/.
 */
export async function openSystem(
  args: BenchArgs,
  needsBuild: boolean,
  log: (line: string) => void,
): Promise<System> {
  const databaseUrl = process.env.DATABASE_URL ?? (args.api ? undefined : DEFAULT_BENCH_DATABASE);
  if (!databaseUrl) throw new Error('with --api, set DATABASE_URL to the running system’s database');
  const temporalAddress = args.temporal ?? `127.0.0.1:${args.temporalPort}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // As ./scripts/start runs them: the product's own defaults (LOG_LEVEL info) unless set.
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    // The bench's officer drives every section: the throughput alone sends more than a caller's
    // per-minute allowance, and the reminders section would then be refused with 429s.
    RATE_LIMIT_REQUESTS: process.env.RATE_LIMIT_REQUESTS ?? '1000000',
  };
  const config = loadConfig(env);
  if (needsBuild || !args.api) await libSh('require_tools; ensure_postgres; ensure_build', env);

  if (args.api) {
    return {
      own: false,
      api: args.api,
      config,
      env,
      workerPid: args.workerPid,
      server: `running server at ${temporalAddress}`,
      stopProduct: async () => undefined,
      restartProduct: async () => {
        throw new Error('the bench can restart only a system of its own');
      },
      stop: async () => undefined,
    };
  }

  let temporalPid: number | undefined;
  if (!args.temporal) {
    const data = `.data/bench-temporal`;
    const pid = await libSh(
      `ensure_temporal_cli
       rm -rf "${data}"
       start_temporal "$ROOT/${data}" ${args.temporalPort} ${args.temporalPort + 1000} "${args.pragmas.join(' ')}" --headless --metrics-port ${metricsPort(args)}
       echo "$TEMPORAL_PID"`,
      env,
    );
    temporalPid = Number(pid.split('\n').at(-1));
    if (!temporalPid)
      throw new Error(`port ${args.temporalPort} already has a Temporal server: choose --temporal-port`);
  }
  const stopServer = async () => {
    if (temporalPid) await stopPid(temporalPid);
  };
  const releaseServer = stopOnInterrupt(stopServer);
  const workerMetrics = workerMetricsAddresses(args);
  env.WORKER_METRICS_ADDRESS = workerMetrics.product;
  try {
    await recreateBenchDatabase(databaseUrl);
    let product = await startProduct(env, args.apiPort, log);
    const system: System = {
      own: true,
      api: `http://127.0.0.1:${args.apiPort}/v1`,
      config: loadConfig({ ...env, PORT: String(args.apiPort) }),
      env,
      workerPid: product.worker.pid,
      server: args.temporal
        ? `running server at ${temporalAddress}`
        : `dev server (SQLite, ${args.pragmas.map((p) => `--sqlite-pragma ${p}`).join(' ') || 'no pragmas'})`,
      metricsUrl: args.temporal ? undefined : `http://127.0.0.1:${metricsPort(args)}/metrics`,
      workerMetricsAddresses: workerMetrics,
      stopProduct: () => product.stop(),
      restartProduct: async () => {
        await product.stop();
        product = await startProduct(env, args.apiPort, log);
        system.workerPid = product.worker.pid;
      },
      stop: async () => {
        await product.stop();
        await stopServer();
        releaseServer();
      },
    };
    return system;
  } catch (err) {
    await stopServer();
    releaseServer();
    throw err;
  }
}

const metricsPort = (args: BenchArgs) => args.temporalPort + 2000;
const workerMetricsAddresses = (args: BenchArgs) => ({
  product: `127.0.0.1:${args.temporalPort + 3000}`,
  raw: `127.0.0.1:${args.temporalPort + 3001}`,
});

/**
 * The raw workflow's worker (scripts/bench/raw/worker.ts) in its own process, preloaded as the
 * product's worker is (workflow-threads.js: no stack captured per promise), so that the two differ
 * only in what they run. Without the preload the raw worker spent about 12% more CPU a lifecycle
 * (raw worker ÷ server CPU 0.64 → 0.56), which flattered the product's ratio by about 0.05.
 */
export async function startRawWorker(system: System): Promise<Child> {
  const child = spawnChild(
    'raw worker',
    [
      '--require',
      './dist/apps/worker/src/workflow-threads.js',
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      'scripts/bench/raw/worker.ts',
    ],
    {
      ...system.env,
      RAW_TASK_QUEUE,
      WORKER_METRICS_ADDRESS: system.workerMetricsAddresses?.raw ?? '',
    },
  );
  const release = stopOnInterrupt(() => child.stop());
  child.proc.once('exit', release);
  try {
    await child.waitFor('raw worker polling', 120_000);
  } catch (err) {
    await child.stop();
    throw err;
  }
  return child;
}
