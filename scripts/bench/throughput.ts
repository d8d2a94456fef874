import { Client, Connection } from '@temporalio/client';
import { chooseCloseAfter } from './close-time';
import {
  BIDDING_SPAN,
  actionsThrough,
  productLifecycle,
  rawLifecycle,
  type Lifecycle,
  type LifecycleOptions,
  type Through,
} from './lifecycles';
import type { BenchCast } from './people';
import { addCpu, cpuSince, readCpu, type CpuReading } from './cpu';
import {
  Samples,
  elapsedMs,
  now,
  pool,
  ratioInterval,
  roundTo,
  summarise,
  type RatioInterval,
  type Summary,
} from './stats';
import type { System } from './system';
import { MetricsTally, parsePersistence } from './server-metrics';
import { parseWorkerMetrics, workerMetricsUrl } from './worker-metrics';

export interface SideResult {
  lifecycles: number;
  seconds: number;
  lifecyclesPerSecond: number;
  perRound: number[];
  actions: Record<string, Summary>;
  /** Waits that are no round trip of their own (the close, through the award). */
  waits?: Record<string, Summary>;
  errors: number;
  firstError?: string;
  /** CPU milliseconds per lifecycle by part of the system, over this side's rounds. */
  cpuMsPerLifecycle: Record<string, number>;
  /** The server's persistence calls per lifecycle by service and operation (the bench's own server). */
  persistencePerLifecycle?: Record<string, { calls: number; ms: number }>;
  /** The worker's tasks per lifecycle and their mean duration, from its SDK metrics (worker-metrics.ts). */
  workerTasks?: Record<string, { perLifecycle: number; meanMs: number }>;
}

export interface ThroughputResult {
  /** How far each lifecycle went, and its actions in order. */
  through: Through;
  actions: string[];
  lifecycles: number;
  concurrency: number;
  rounds: number;
  /** Untimed lifecycles per side before the rounds. */
  warmup: number;
  /** Seconds each tender stayed open in the rounds, through the award (close-time.ts). */
  closeAfter?: number;
  product: SideResult;
  raw: SideResult;
  /** product ÷ raw: throughput, and per action (and per wait) p50 and p99. */
  ratio: { throughput: number; p50: Record<string, number>; p99: Record<string, number> };
  /** product ÷ raw throughput in each round, in order: how far the host moved the ratio. */
  roundRatios: number[];
  /** Their geometric mean and its 95 % interval: a claim about the ratio holds only past it. */
  roundInterval: RatioInterval | null;
}

class Side {
  readonly samples = new Samples();
  seconds = 0;
  count = 0;
  errors = 0;
  firstError?: string;
  readonly perRound: number[] = [];
  readonly cpu = {} as CpuReading;
  /** The server's persistence calls and the worker's tasks, summed over the rounds. */
  private readonly persistence: MetricsTally;
  private readonly workerTasks: MetricsTally;

  constructor(
    readonly lifecycle: Lifecycle,
    private readonly actions: readonly string[],
    metricsUrl?: string,
    workerMetricsAddress?: string,
  ) {
    this.persistence = new MetricsTally(metricsUrl, parsePersistence);
    this.workerTasks = new MetricsTally(workerMetricsUrl(workerMetricsAddress), parseWorkerMetrics);
  }

  async round(n: number, concurrency: number): Promise<number> {
    // Read before the clock and the CPU start: the scrape is the bench's, not the lifecycles'.
    const persistenceRound = await this.persistence.start();
    const workerRound = await this.workerTasks.start();
    const start = now();
    const cpuBefore = readCpu();
    let done = 0;
    await pool(n, concurrency, async (i) => {
      try {
        await this.lifecycle(i, this.samples);
        done += 1;
      } catch (err) {
        this.errors += 1;
        this.firstError ??= err instanceof Error ? err.message : String(err);
      }
    });
    const s = elapsedMs(start) / 1000;
    addCpu(this.cpu, cpuSince(cpuBefore));
    await persistenceRound();
    await workerRound();
    this.seconds += s;
    this.count += done;
    const rate = done / s;
    this.perRound.push(round2(rate));
    return rate;
  }

  result(): SideResult {
    const perLifecycle = (x: number) => round2(x / Math.max(1, this.count));
    const persistence = this.persistence.total;
    const workerTasks = this.workerTasks.total;
    return {
      lifecycles: this.count,
      seconds: round2(this.seconds),
      lifecyclesPerSecond: round2(this.count / this.seconds),
      perRound: this.perRound,
      actions: Object.fromEntries(this.actions.map((a) => [a, this.samples.summary(a)])),
      waits: Object.fromEntries([...this.samples.waits].map(([name, ms]) => [name, summarise(ms)])),
      errors: this.errors,
      firstError: this.firstError,
      cpuMsPerLifecycle: Object.fromEntries(
        Object.entries(this.cpu)
          .filter(([, ms]) => ms > 0)
          .map(([part, ms]) => [part, perLifecycle(ms)]),
      ),
      ...(persistence
        ? {
            persistencePerLifecycle: Object.fromEntries(
              Object.entries(persistence).map(([op, m]) => [
                op,
                { calls: perLifecycle(m.calls), ms: perLifecycle(m.seconds * 1000) },
              ]),
            ),
          }
        : {}),
      ...(workerTasks
        ? {
            workerTasks: Object.fromEntries(
              Object.entries(workerTasks).map(([what, m]) => [
                what,
                { perLifecycle: perLifecycle(m.calls), meanMs: round2((m.seconds * 1000) / m.calls) },
              ]),
            ),
          }
        : {}),
    };
  }
}

const round2 = (x: number) => roundTo(x, 2);

/**
 * N lifecycles per side per round, C at once; the sides alternate which goes first so that neither
 * always meets a warmer (or more loaded) machine.
 */
export async function measureThroughput(
  system: System,
  cast: BenchCast,
  opts: Omit<LifecycleOptions, 'closeAfter'> & {
    closeAfter: number | 'auto';
    lifecycles: number;
    concurrency: number;
    rounds: number;
    warmup: number;
  },
  log: (line: string) => void,
): Promise<ThroughputResult> {
  const connection = await Connection.connect({ address: system.config.temporal.address });
  const client = new Client({ connection, namespace: system.config.temporal.namespace });
  try {
    const actions = actionsThrough(opts.through);
    // The lifecycles read the close from here as they publish: the warm-up's may be the default,
    // the rounds' what the warm-up showed the host needs (close-time.ts).
    const lifecycleOpts: LifecycleOptions = {
      through: opts.through,
      idempotencyKeys: opts.idempotencyKeys,
      closeAfter: chooseCloseAfter(opts.closeAfter, { spansMs: [], failed: 0 }),
    };
    const sides = () => ({
      product: new Side(
        productLifecycle(system, cast, lifecycleOpts),
        actions,
        system.metricsUrl,
        system.workerMetricsAddresses?.product,
      ),
      raw: new Side(
        rawLifecycle(client, cast.suppliers.length, lifecycleOpts),
        actions,
        system.metricsUrl,
        system.workerMetricsAddresses?.raw,
      ),
    });
    const { product, raw } = sides();
    // Untimed first, at the rounds' concurrency, so that what is measured is the steady state: each
    // side's connections (HTTP, gRPC, the pool's PostgreSQL connections with their prepared
    // statements), caches and JIT. One lifecycle at a time left the product's first round 15%
    // slower than its others (0.83 against 0.97–1.10 × raw) and most of its p99 in that round.
    const { warmup } = opts;
    if (warmup > 0) {
      const untimed = sides();
      await untimed.product.round(warmup, opts.concurrency);
      await untimed.raw.round(warmup, opts.concurrency);
      const both = [untimed.product, untimed.raw];
      const spansMs = both.flatMap((s) => s.samples.waits.get(BIDDING_SPAN) ?? []);
      const failed = both.reduce((n, s) => n + s.errors, 0);
      const chosen = chooseCloseAfter(opts.closeAfter, { spansMs, failed });
      if (opts.through === 'award' && chosen !== lifecycleOpts.closeAfter) {
        log(
          `  in the warm-up the slowest publish and bids took ${Math.max(0, ...spansMs)} ms and ` +
            `${failed} lifecycles failed: each tender stays open ${chosen} s, not ${lifecycleOpts.closeAfter}`,
        );
      }
      lifecycleOpts.closeAfter = chosen;
    }
    const roundRatios: number[] = [];
    for (let r = 1; r <= opts.rounds; r++) {
      const order: [string, Side][] = [
        ['product', product],
        ['raw', raw],
      ];
      if (r % 2 === 0) order.reverse();
      const rates: Record<string, number> = {};
      for (const [name, side] of order) rates[name] = await side.round(opts.lifecycles, opts.concurrency);
      roundRatios.push(round2(rates.product / rates.raw));
      log(
        `  round ${r}/${opts.rounds}: product ${rates.product.toFixed(2)} lifecycles/s, raw ${rates.raw.toFixed(2)}` +
          ` (ratio ${(rates.product / rates.raw).toFixed(2)}; errors ${product.errors + raw.errors})`,
      );
    }
    const p = product.result();
    const w = raw.result();
    // The actions', and the waits' both sides had.
    const waits = Object.keys(p.waits ?? {}).filter((name) => w.waits?.[name]);
    const ratioOf = (k: 'p50' | 'p99') => ({
      ...Object.fromEntries(actions.map((a) => [a, round2(p.actions[a][k] / w.actions[a][k])])),
      ...Object.fromEntries(waits.map((name) => [name, round2(p.waits![name][k] / w.waits![name][k])])),
    });
    const all = (s: Side) => summarise(s.samples.all());
    return {
      through: opts.through,
      actions,
      lifecycles: opts.lifecycles,
      concurrency: opts.concurrency,
      rounds: opts.rounds,
      warmup,
      ...(opts.through === 'award' ? { closeAfter: lifecycleOpts.closeAfter } : {}),
      roundRatios,
      roundInterval: ratioInterval(roundRatios),
      product: { ...p, actions: { ...p.actions, 'all actions': all(product) } },
      raw: { ...w, actions: { ...w.actions, 'all actions': all(raw) } },
      ratio: {
        throughput: round2(p.lifecyclesPerSecond / w.lifecyclesPerSecond),
        p50: { ...ratioOf('p50'), 'all actions': round2(all(product).p50 / all(raw).p50) },
        p99: { ...ratioOf('p99'), 'all actions': round2(all(product).p99 / all(raw).p99) },
      },
    };
  } finally {
    await connection.close();
  }
}
