/** Latency summaries: nearest-rank percentiles over every sample, in milliseconds. */
export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** `x` rounded to `places` decimal places, for the report. */
export function roundTo(x: number, places: number): number {
  const f = 10 ** places;
  return Math.round(x * f) / f;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarise(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (x: number) => roundTo(x, 1);
  return {
    n: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? NaN),
  };
}

function append(byName: Map<string, number[]>, name: string, ms: number): void {
  const list = byName.get(name);
  if (list) list.push(ms);
  else byName.set(name, [ms]);
}

/** Samples by name, in the order names were first seen. */
export class Samples {
  private readonly byName = new Map<string, number[]>();
  /** Waits between actions (not round trips): summarised apart, never in `all()`. */
  readonly waits = new Map<string, number[]>();

  addWait(name: string, ms: number): void {
    append(this.waits, name, ms);
  }

  add(name: string, ms: number): void {
    append(this.byName, name, ms);
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

/** Student's t at 97.5 %, by degrees of freedom 1–30; beyond, the normal's 1.96 is close enough. */
const T_975 = [
  12.71, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

export interface RatioInterval {
  /** The geometric mean of the rounds' ratios: a ratio's average, where 0.5 and 2 cancel out. */
  mean: number;
  /** A 95 % confidence interval for it, from the spread of the rounds (t on their logarithms). */
  low: number;
  high: number;
}

/**
 * How sure a ratio claim can be: the host's speed drifts between rounds, so a single run's ratio
 * says little without the interval its rounds give. Null with fewer than two rounds.
 */
export function ratioInterval(ratios: readonly number[]): RatioInterval | null {
  const logs = ratios.filter((r) => r > 0).map(Math.log);
  const n = logs.length;
  if (n < 2) return null;
  const mean = logs.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  const half = (T_975[n - 2] ?? 1.96) * (sd / Math.sqrt(n));
  const r2 = (x: number) => roundTo(x, 2);
  return { mean: r2(Math.exp(mean)), low: r2(Math.exp(mean - half)), high: r2(Math.exp(mean + half)) };
}
