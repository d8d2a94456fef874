import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { SEARCH_ATTRIBUTE_REGISTRATIONS } from '@app/contracts';
import { eventually } from './eventually';
import { freePort } from './free-port';

/**
 * A Temporal dev server of the test's own, on a free port, keeping its data in a SQLite file in a
 * temporary folder: it can be stopped and started again and still has every workflow.
 */
export interface OwnTemporal {
  address: string;
  /** SIGTERM, and wait until the process has gone. */
  stop(): Promise<void>;
  /** Starts it again on the same port and file; resolves once the default namespace answers. */
  start(): Promise<void>;
  /** Stops it if it runs and removes its folder; safe to call more than once. */
  destroy(): Promise<void>;
}

/** The dev server's dynamic configuration, as the start and test commands give it (scripts/lib.sh). */
function devServerDynamicConfig(): string[] {
  const file = path.resolve(__dirname, '../../deploy/temporal-dev-server.conf');
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .flatMap((kv) => ['--dynamic-config-value', kv]);
}

function cliPath(): string {
  const bin = process.env.TEMPORAL_CLI ?? path.join(homedir(), 'go', 'bin', 'temporal');
  if (!existsSync(bin)) throw new Error(`the Temporal CLI is not at ${bin} (set TEMPORAL_CLI)`);
  return bin;
}

async function answers(address: string): Promise<boolean> {
  let connection: Connection | undefined;
  try {
    connection = await Connection.connect({ address, connectTimeout: 1000 });
    await connection.workflowService.describeNamespace({ namespace: 'default' });
    return true;
  } catch {
    return false;
  } finally {
    await connection?.close().catch(() => undefined);
  }
}

/** `extraFlags` as for `temporal server start-dev`, e.g. dynamic config values. */
export async function startOwnTemporal(extraFlags: string[] = []): Promise<OwnTemporal> {
  const bin = cliPath();
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'commissioning-temporal-'));
  const address = `127.0.0.1:${port}`;
  let proc: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();

  const server: OwnTemporal = {
    address,
    async start() {
      const log = createWriteStream(path.join(dir, 'temporal.log'), { flags: 'a' });
      // Its own process group, so that stopping it never reaches anything else.
      proc = spawn(
        bin,
        [
          'server',
          'start-dev',
          '--ip',
          '127.0.0.1',
          '--port',
          String(port),
          '--headless',
          '--db-filename',
          path.join(dir, 'temporal.db'),
          '--namespace',
          'default',
          // The commission workflow upserts these (libs/contracts/src/search-attributes.ts).
          ...SEARCH_ATTRIBUTE_REGISTRATIONS.flatMap((a) => ['--search-attribute', a]),
          '--log-format',
          'json',
          '--log-level',
          'warn',
          ...devServerDynamicConfig(),
          ...extraFlags,
        ],
        { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      proc.stdout!.pipe(log);
      proc.stderr!.pipe(log);
      const child = proc;
      exited = new Promise((resolve) => child.once('exit', () => resolve()));
      await eventually(
        async () => (child.exitCode === null ? answers(address) : 'exited'),
        (ok) => ok === true || ok === 'exited',
        90_000,
        `the Temporal dev server on ${address}`,
      ).then((ok) => {
        if (ok === 'exited') throw new Error(`the Temporal dev server exited; see ${dir}/temporal.log`);
      });
    },
    async stop() {
      const child = proc;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
      proc = undefined;
    },
    async destroy() {
      const child = proc;
      if (child && child.exitCode === null && child.signalCode === null) {
        process.kill(-child.pid!, 'SIGKILL');
        await exited;
      }
      proc = undefined;
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    await server.start();
  } catch (err) {
    await server.destroy();
    throw err;
  }
  return server;
}
