import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');

/** A child process whose output is kept (the last lines) for the error that explains a failure. */
export class Child {
  private tail: string[] = [];
  private readonly exited: Promise<number | null>;

  constructor(
    readonly name: string,
    readonly proc: ChildProcess,
  ) {
    const keep = (chunk: Buffer) => {
      this.tail.push(...chunk.toString().split('\n').filter(Boolean));
      if (this.tail.length > 40) this.tail = this.tail.slice(-40);
    };
    proc.stdout?.on('data', keep);
    proc.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => proc.once('exit', (code) => resolve(code)));
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
      void this.exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`${this.name} exited with ${code}:\n${this.output()}`));
      });
    });
  }

  /** SIGTERM (the API and the worker drain on it), then SIGKILL after `graceMs`. */
  async stop(graceMs = 15_000): Promise<void> {
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

/** On the first SIGINT or SIGTERM, stops what the bench started and exits; a second exits at once. */
export function installInterruptHandler(log: (line: string) => void): void {
  let interrupted = false;
  const handler = () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    log('interrupted: stopping what the bench started');
    void Promise.allSettled([...onInterrupt].map((stop) => stop())).finally(() => process.exit(130));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
