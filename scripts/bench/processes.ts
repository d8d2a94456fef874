import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
/** Every child's whole output, for a post-mortem: .data/bench/<name>-<pid>.log */
export const LOG_DIR = path.join(ROOT, '.data', 'bench');

/** A child process whose output is kept (the last lines) for the error that explains a failure. */
export class Child {
  private tail: string[] = [];
  private stopping = false;
  private readonly exited: Promise<string>;
  readonly logFile: string;

  constructor(
    readonly name: string,
    readonly proc: ChildProcess,
  ) {
    mkdirSync(LOG_DIR, { recursive: true });
    this.logFile = path.join(LOG_DIR, `${name.replace(/\W+/g, '-')}-${proc.pid}.log`);
    const file = createWriteStream(this.logFile);
    const keep = (chunk: Buffer) => {
      file.write(chunk);
      this.tail.push(...chunk.toString().split('\n').filter(Boolean));
      if (this.tail.length > 40) this.tail = this.tail.slice(-40);
    };
    proc.stdout?.on('data', keep);
    proc.stderr?.on('data', keep);
    this.exited = new Promise((resolve) =>
      proc.once('exit', (code, signal) => {
        file.end();
        resolve(signal ? `signal ${signal}` : `code ${code}`);
      }),
    );
  }

  /** Calls `report` if the process ends without the bench having asked it to. */
  onUnexpectedExit(report: (how: string) => void): void {
    void this.exited.then((how) => {
      if (!this.stopping) report(how);
    });
  }

  get pid(): number {
    return this.proc.pid!;
  }

  get running(): boolean {
    return this.proc.exitCode === null && this.proc.signalCode === null;
  }

  output(): string {
    return this.tail.join('\n');
  }

  /** Resolves when a line of output contains `text`; rejects if the process exits first. */
  waitFor(text: string, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(new Error(`${this.name} did not print "${text}" within ${timeoutMs} ms:\n${this.output()}`)),
        timeoutMs,
      );
      const watch = (chunk: Buffer) => {
        if (chunk.toString().includes(text)) {
          clearTimeout(timer);
          resolve();
        }
      };
      this.proc.stdout?.on('data', watch);
      this.proc.stderr?.on('data', watch);
      void this.exited.then((how) => {
        clearTimeout(timer);
        reject(new Error(`${this.name} exited (${how}):\n${this.output()}`));
      });
    });
  }

  /** SIGTERM (the API and the worker drain on it), then SIGKILL after `graceMs`. */
  async stop(graceMs = 15_000): Promise<void> {
    this.stopping = true;
    if (!this.running) return;
    this.proc.kill('SIGTERM');
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

export function spawnChild(name: string, args: string[], env: NodeJS.ProcessEnv): Child {
  return new Child(
    name,
    spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] }),
  );
}

/** Runs bash with scripts/lib.sh sourced; its stderr (the `==>` steps) goes to ours. */
export function libSh(script: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const proc = spawn('bash', ['-c', `source scripts/lib.sh\n${script}`], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
    proc.once('exit', (code) =>
      code === 0 ? resolve(out.trim()) : reject(new Error(`scripts/lib.sh step failed (${code}): ${script}`)),
    );
  });
}

/** Resident and peak resident memory of a process, in MB, from /proc (Linux). */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
}

/** Stops a process we did not spawn ourselves (the dev server lib.sh detached), by its id. */
export async function stopPid(pid: number, graceMs = 15_000): Promise<void> {
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  if (alive()) process.kill(pid, 'SIGKILL');
}

const onInterrupt = new Set<() => Promise<void>>();

/** Runs `stop` if the bench is interrupted (Ctrl-C, SIGTERM) before `release` is called. */
export function stopOnInterrupt(stop: () => Promise<void>): () => void {
  onInterrupt.add(stop);
  return () => onInterrupt.delete(stop);
}

let aborting = false;

/** Stops what the bench started and exits with `code`; a second call exits at once. */
export function abort(log: (line: string) => void, why: string, code: number): void {
  if (aborting) process.exit(code);
  aborting = true;
  log(`${why}: stopping what the bench started`);
  void Promise.allSettled([...onInterrupt].map((stop) => stop())).finally(() => process.exit(code));
}

/** On SIGINT or SIGTERM, abort. */
export function installInterruptHandler(log: (line: string) => void): void {
  const handler = () => abort(log, 'interrupted', 130);
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
