import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port';

const run = promisify(execFile);

/**
 * A PostgreSQL cluster of the test's own (`initdb` in a temporary folder, its own port), so that a
 * test can stop and start it without disturbing the database the other suites share.
 */
export interface OwnPostgres {
  port: number;
  /** A connection URL for `database` on this cluster. */
  url(database: string): string;
  /** `pg_ctl stop -m fast`: open sessions are ended, as in a restart by an operator. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the cluster if it runs and removes its folder; safe to call more than once. */
  destroy(): Promise<void>;
}

/** The newest installed server's binaries, e.g. /usr/lib/postgresql/15/bin. */
function binDir(): string {
  if (process.env.PG_BIN_DIR) return process.env.PG_BIN_DIR;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(a) - Number(b))
    : [];
  if (versions.length === 0) throw new Error(`no PostgreSQL server binaries under ${root} (set PG_BIN_DIR)`);
  return path.join(root, versions.at(-1)!, 'bin');
}

/**
 * initdb and postgres refuse to run as root (CI runs as root): there the cluster belongs to the
 * `postgres` OS user, and its tools run as that user through runuser.
 */
async function owner(): Promise<{ uid: number; gid: number; wrap: (cmd: string[]) => string[] } | null> {
  if (userInfo().uid !== 0) return null;
  const { stdout: uid } = await run('id', ['-u', 'postgres']);
  const { stdout: gid } = await run('id', ['-g', 'postgres']);
  return {
    uid: Number(uid.trim()),
    gid: Number(gid.trim()),
    wrap: (cmd) => ['runuser', '-u', 'postgres', '--', ...cmd],
  };
}

export async function startOwnPostgres(): Promise<OwnPostgres> {
  const bin = binDir();
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'commissioning-pg-'));
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'postgres.log');
  const as = await owner();
  if (as) chownSync(dir, as.uid, as.gid);
  const exec = async (cmd: string[]) => {
    const [file, ...args] = as ? as.wrap(cmd) : cmd;
    try {
      await run(file, args, { cwd: dir });
    } catch (err) {
      const e = err as Error & { stderr?: string; stdout?: string };
      throw new Error(`${cmd.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
    }
  };
  const pgCtl = path.join(bin, 'pg_ctl');
  // Durability is not under test here (a fast stop checkpoints), so fsync is off for speed.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  let running = false;

  await exec([
    path.join(bin, 'initdb'),
    '-D',
    data,
    '-U',
    'postgres',
    '-A',
    'trust',
    '--no-sync',
    '-E',
    'UTF8',
  ]);
  const cluster: OwnPostgres = {
    port,
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async start() {
      await exec([pgCtl, 'start', '-w', '-t', '60', '-D', data, '-l', log, '-o', options]);
      running = true;
    },
    async stop() {
      await exec([pgCtl, 'stop', '-w', '-t', '60', '-m', 'fast', '-D', data]);
      running = false;
    },
    async destroy() {
      if (running) await exec([pgCtl, 'stop', '-w', '-m', 'immediate', '-D', data]).catch(() => undefined);
      running = false;
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    await cluster.start();
  } catch (err) {
    await cluster.destroy();
    throw err;
  }
  return cluster;
}
