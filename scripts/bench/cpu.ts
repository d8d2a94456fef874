import { readFileSync, readdirSync } from 'node:fs';

/**
 * CPU time by part of the system, read from /proc: where a lifecycle's cost goes, so that the
 * throughput section profiles as it measures. Every process on the machine is put in one part by
 * its command line; processes that end between two readings drop out of the difference.
 */
export const PARTS = [
  'temporal server',
  'postgres',
  'product worker',
  'api',
  'raw worker',
  'bench client',
] as const;
export type Part = (typeof PARTS)[number] | 'other';
export type CpuReading = Record<Part, number>;

const TICK_MS = 10; // USER_HZ is 100 on Linux

function partOf(pid: number, cmdline: string, comm: string): Part {
  if (pid === process.pid) return 'bench client';
  if (comm === 'temporal' || cmdline.includes('server start-dev')) return 'temporal server';
  if (comm === 'postgres' || comm.startsWith('postgres')) return 'postgres';
  if (cmdline.includes('apps/worker/src/main')) return 'product worker';
  if (cmdline.includes('apps/api/src/main')) return 'api';
  if (cmdline.includes('bench/raw/worker')) return 'raw worker';
  return 'other';
}

/** CPU milliseconds (user + system) used so far by each part's living processes. */
export function readCpu(): CpuReading {
  const totals = Object.fromEntries([...PARTS, 'other'].map((p) => [p, 0])) as CpuReading;
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const fields = stat.slice(close + 2).split(' ');
      // Fields 14 and 15 of stat (utime, stime), counted from after the command name.
      const ticks = Number(fields[11]) + Number(fields[12]);
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      totals[partOf(pid, cmdline, comm)] += ticks * TICK_MS;
    } catch {
      // The process ended while being read.
    }
  }
  return totals;
}

export function cpuSince(before: CpuReading): CpuReading {
  const after = readCpu();
  return Object.fromEntries(
    Object.keys(after).map((k) => [k, Math.max(0, after[k as Part] - before[k as Part])]),
  ) as CpuReading;
}

export function addCpu(into: CpuReading, more: CpuReading): void {
  for (const k of Object.keys(more) as Part[]) into[k] = (into[k] ?? 0) + more[k];
}
