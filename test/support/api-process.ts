import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { eventually } from './eventually';
import { freePort } from './free-port';

/** The real API entry point (apps/api/src/main.ts) in a process of its own, on a fixed loopback port. */
export interface ApiProcess {
  baseUrl: string;
  /** SIGTERM (the API drains and exits, as in a deployment), then the same command again. */
  restart(): Promise<void>;
  /** How the last SIGTERM went: ms until the process exited, and whether it had to be killed. */
  lastStop: { drainMs: number; killed: boolean } | null;
  stop(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '../..');
/** The grace a deployment gives before it kills: 10 s (a drain that needs more is cut short). */
const DRAIN_LIMIT_MS = 10_000;

/** `env` is added to this process's environment; the API's output is appended to `logFile`. */
export async function startApiProcess(env: Record<string, string>, logFile: string): Promise<ApiProcess> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const log = createWriteStream(logFile, { flags: 'a' });
  let proc: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();

  const start = async () => {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port), PUBLIC_BASE_URL: baseUrl },
      },
    );
    child.stdout!.pipe(log, { end: false });
    child.stderr!.pipe(log, { end: false });
    proc = child;
    exited = new Promise((resolve) => child.once('exit', () => resolve()));
    // Ready when it answers at all (the health check may say a dependency is down: still listening).
    const ready = await eventually(
      () =>
        child.exitCode !== null
          ? 'exited'
          : fetch(`${baseUrl}/v1/health`, { signal: AbortSignal.timeout(2000) }).then(
              () => 'listening',
              () => 'not yet',
            ),
      (s) => s !== 'not yet',
      60_000,
      `the API on ${baseUrl}`,
    );
    if (ready === 'exited') throw new Error(`the API exited during start-up; see ${logFile}`);
  };
  const stop = async () => {
    const child = proc;
    proc = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const asked = Date.now();
    let killed = false;
    child.kill('SIGTERM');
    // A drain that hangs is cut short, so that a restart never waits for ever.
    const cut = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, DRAIN_LIMIT_MS);
    await exited;
    clearTimeout(cut);
    api.lastStop = { drainMs: Date.now() - asked, killed };
  };
  await start();
  const api: ApiProcess = {
    lastStop: null,
    baseUrl,
    async restart() {
      await stop();
      await start();
    },
    async stop() {
      await stop();
      log.end();
    },
  };
  return api;
}
