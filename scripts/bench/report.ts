import { cpus, loadavg, totalmem } from 'node:os';
import type { ListResult } from './list';
import type { RemindersResult } from './reminders';
import type { RssResult } from './rss';
import type { StartupResult } from './startup';
import { percentile, roundTo, type RatioInterval, type Summary } from './stats';
import type { ThroughputResult } from './throughput';

export interface BenchReport {
  at: string;
  command: string;
  machine: {
    cpu: string;
    cores: number;
    memoryGb: number;
    loadAverageAtStart: number[];
    loadAverageAtEnd?: number[];
  };
  server: string;
  worker: Record<string, number>;
  throughput?: ThroughputResult;
  list?: ListResult;
  reminders?: RemindersResult;
  rss?: RssResult;
  startup?: StartupResult;
}

export function machine(): BenchReport['machine'] {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    loadAverageAtStart: loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

const ms = (s: Summary) => `${s.p50} / ${s.p95} / ${s.p99}`;

/**
 * The server's persistence calls a lifecycle, the slowest first: on the dev server they share one
 * SQLite connection, so they are what it does one at a time (their time includes the wait for it).
 */
function persistenceTable(t: NonNullable<BenchReport['throughput']>): string[] {
  const p = t.product.persistencePerLifecycle;
  const w = t.raw.persistencePerLifecycle;
  if (!p || !w) return [];
  const zero = { calls: 0, ms: 0 };
  const total = (x: typeof p) =>
    Object.values(x).reduce((a, b) => ({ calls: a.calls + b.calls, ms: a.ms + b.ms }), zero);
  const ops = [...new Set([...Object.keys(p), ...Object.keys(w)])]
    .filter((op) => (p[op] ?? zero).calls + (w[op] ?? zero).calls >= 0.5)
    .sort(
      (a, b) =>
        Math.max((p[b] ?? zero).ms, (w[b] ?? zero).ms) - Math.max((p[a] ?? zero).ms, (w[a] ?? zero).ms),
    );
  const cell = (x: { calls: number; ms: number }) => `${round1(x.calls)} / ${round1(x.ms)}`;
  return [
    "**The Temporal server's persistence calls per lifecycle** (calls / ms, from its `/metrics`; the dev server serves them one at a time on one SQLite connection, so the ms include the wait for it).",
    '',
    '| service, operation | raw Temporal | product (HTTP API) |',
    '| --- | --- | --- |',
    ...ops.map((op) => `| ${op} | ${cell(w[op] ?? zero)} | ${cell(p[op] ?? zero)} |`),
    `| total | ${cell(total(w))} | ${cell(total(p))} |`,
    '',
  ];
}

/** Each worker's tasks, as its SDK metrics count them: how many a lifecycle, and their mean. */
function workerTasksTable(t: NonNullable<BenchReport['throughput']>): string[] {
  const p = t.product.workerTasks;
  const w = t.raw.workerTasks;
  if (!p || !w) return [];
  const cell = (x?: { perLifecycle: number; meanMs: number }) =>
    x ? `${round1(x.perLifecycle)} × ${round1(x.meanMs)}` : '–';
  return [
    "**The workers' tasks per lifecycle** (how many × their mean in ms, from each worker's SDK metrics, `WORKER_METRICS_ADDRESS`).",
    '',
    '| what | raw Temporal | product (HTTP API) |',
    '| --- | --- | --- |',
    ...[...new Set([...Object.keys(w), ...Object.keys(p)])]
      .sort()
      .map((what) => `| ${what} | ${cell(w[what])} | ${cell(p[what])} |`),
    '',
  ];
}

/** What the report says of lifecycles that failed: none may, for a round's rate to mean anything. */
export function failedLifecyclesWarning(
  sides: { name: string; errors: number; firstError?: string }[],
): string | null {
  const failed = sides.filter((s) => s.errors > 0);
  if (failed.length === 0) return null;
  return (
    `**Not a measurement:** ${failed
      .map(
        (s) =>
          `${s.errors} ${s.name} lifecycle${s.errors === 1 ? '' : 's'} failed (first: ${s.firstError ?? 'unknown'})`,
      )
      .join('; ')}. Each round's rate counts only the lifecycles that finished, so the throughput ` +
    `and its ratio above are not comparable; a bid refused after the close asks for a longer --close-after.`
  );
}

const round1 = (x: number) => roundTo(x, 1);

function cpuParts(t: NonNullable<BenchReport['throughput']>): string[] {
  return [...new Set([...Object.keys(t.raw.cpuMsPerLifecycle), ...Object.keys(t.product.cpuMsPerLifecycle)])];
}

const cpuTotal = (cpu: Record<string, number>) =>
  Math.round(Object.values(cpu).reduce((a, b) => a + b, 0) * 100) / 100;

const THROUGH_WORDS = {
  'sign-off': "from opening to the panel's sign-off",
  award: 'from opening through sign-off, the tender (two bids, its close), scoring and the award',
} as const;

/** The spread is the host's: what the rounds let one claim about the ratio, and what they do not. */
function intervalSentence(i: RatioInterval | null | undefined): string {
  if (!i) return 'One round says nothing of how far the host moved it: run more.';
  const verdict =
    i.low >= 1
      ? 'the product is at least as fast as raw Temporal'
      : i.high < 1
        ? 'the product is slower than raw Temporal'
        : 'the rounds cannot tell the product from raw Temporal';
  return `Geometric mean of the rounds ${i.mean}, 95 % interval ${i.low}–${i.high}: ${verdict}, on this host at this hour.`;
}

/** The report as markdown: what ran, where, and one table per section. */
export function toMarkdown(r: BenchReport): string {
  const m = r.machine;
  const out = [
    `Measured ${r.at} with \`${r.command}\` on ${m.cores} × ${m.cpu}, ${m.memoryGb} GB; load average ` +
      `${m.loadAverageAtStart.join(' ')} at start, ${(m.loadAverageAtEnd ?? []).join(' ')} at end. ` +
      `Temporal: ${r.server}. Worker: ${Object.entries(r.worker)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}.`,
    '',
  ];
  const t = r.throughput;
  if (t) {
    out.push(
      `**Throughput**: ${t.lifecycles} lifecycles × ${t.rounds} rounds per side after ${t.warmup} untimed, ` +
        `${t.concurrency} concurrent clients, each lifecycle ${THROUGH_WORDS[t.through ?? 'sign-off']}; ` +
        `latencies p50 / p95 / p99 in ms.`,
      '',
      '| | raw Temporal | product (HTTP API) | product ÷ raw |',
      '| --- | --- | --- | --- |',
      `| lifecycles/s | ${t.raw.lifecyclesPerSecond} | ${t.product.lifecyclesPerSecond} | ${t.ratio.throughput} |`,
      ...[...t.actions, 'all actions'].map(
        (a) =>
          `| ${a} | ${ms(t.raw.actions[a])} | ${ms(t.product.actions[a])} | p50 ${t.ratio.p50[a]}, p99 ${t.ratio.p99[a]} |`,
      ),
      `| errors | ${t.raw.errors} | ${t.product.errors} | |`,
      ...Object.keys(t.product.waits ?? {})
        .filter((w) => t.raw.waits?.[w])
        .map(
          (w) =>
            `| ${w} (a wait, not an action) | ${ms(t.raw.waits![w])} | ${ms(t.product.waits![w])} | ` +
            `p50 ${t.ratio.p50[w]}, p99 ${t.ratio.p99[w]} |`,
        ),
      '',
      `Throughput ratio by round: ${t.roundRatios.join(', ')} (median ${percentile(
        [...t.roundRatios].sort((a, b) => a - b),
        50,
      )}). ` + intervalSentence(t.roundInterval),
      '',
      ...(t.closeAfter === undefined ? [] : [`Each tender stayed open ${t.closeAfter} s.`, '']),
      ...[
        failedLifecyclesWarning([
          { name: 'raw', ...t.raw },
          { name: 'product', ...t.product },
        ]),
      ].flatMap((w) => (w ? [w, ''] : [])),
      "**CPU per lifecycle** (ms, user + system, read from /proc over each side's rounds): where the cost goes.",
      '',
      '| part | raw Temporal | product (HTTP API) |',
      '| --- | --- | --- |',
      ...cpuParts(t).map(
        (part) =>
          `| ${part} | ${t.raw.cpuMsPerLifecycle[part] ?? 0} | ${t.product.cpuMsPerLifecycle[part] ?? 0} |`,
      ),
      `| total | ${cpuTotal(t.raw.cpuMsPerLifecycle)} | ${cpuTotal(t.product.cpuMsPerLifecycle)} |`,
      '',
      ...persistenceTable(t),
      ...workerTasksTable(t),
    );
  }
  if (r.list) {
    out.push(
      `**List** at ${r.list.rows} commissions: \`GET /v1/commissions\`, p50 / p95 / p99 in ms, overall p99 ${r.list.overall.p99} ms.`,
      '',
      '| request | n | p50 / p95 / p99 |',
      '| --- | --- | --- |',
      ...Object.entries(r.list.requests).map(([k, s]) => `| ${k} | ${s.n} | ${ms(s)} |`),
      '',
    );
  }
  if (r.reminders) {
    const x = r.reminders;
    out.push(
      `**Reminder lateness**, ${x.expected} reminders ${x.window > 0 ? `due across ${x.window} s` : 'due at two instants (half at each)'} (${x.commissions} commissions): ` +
        `${x.delivered} delivered; p50 ${x.lateness.p50} ms, p99 ${x.lateness.p99} ms, worst ${x.lateness.max} ms.`,
      '',
    );
  }
  if (r.rss) {
    const x = r.rss;
    out.push(
      `**Worker RSS** with ${x.open} open commissions (idle in drafting; maxCachedWorkflows ${x.maxCachedWorkflows}): ` +
        `${x.rssBeforeMb} MB before, ${x.rssAfterMb} MB after, peak ${x.peakMb} MB; opened at ${x.startsPerSecond}/s.` +
        (x.leftByEarlierSectionsMb === undefined
          ? ''
          : ` A fresh worker: the one that ran the earlier sections held ${x.leftByEarlierSectionsMb} MB.`),
      '',
    );
  }
  if (r.startup) {
    const x = r.startup;
    out.push(
      `**Start-to-healthy** (API and worker spawned from dist/ to the first 200 of /v1/health), ${x.starts} starts: ` +
        `p50 ${x.healthyAfterMs.p50} ms, worst ${x.healthyAfterMs.max} ms.`,
      '',
    );
  }
  return out.join('\n');
}
