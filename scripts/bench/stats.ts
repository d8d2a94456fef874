/** Latency summaries: nearest-rank percentiles over every sample, in milliseconds. */
export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarise(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    n: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? NaN),
  };
}

/** Samples by name, in the order names were first seen. */
export class Samples {
  private readonly byName = new Map<string, number[]>();

  add(name: string, ms: number): void {
    const list = this.byName.get(name) ?? [];
    list.push(ms);
    this.byName.set(name, list);
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  summary(name: string): Summary {
    return summarise(this.byName.get(name) ?? []);
  }

  all(): number[] {
    return [...this.byName.values()].flat();
  }
}

/** Runs `count` jobs with at most `concurrency` at once, each given its index. */
export async function pool(
  count: number,
  concurrency: number,
  job: (i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < count) await job(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
}

export const elapsedMs = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
export const now = () => process.hrtime.bigint();

/** Times one call into `samples` under `name`. */
export async function timed<T>(samples: Samples, name: string, call: () => Promise<T>): Promise<T> {
  const start = now();
  const result = await call();
  samples.add(name, elapsedMs(start));
  return result;
}
