/**
 * The Temporal server's persistence calls, from its Prometheus endpoint: how many of each
 * operation a lifecycle costs and how long they took. The dev server keeps everything in one SQLite
 * file behind a single connection (Temporal's sqlite plugin sets `SetMaxOpenConns(1)`), so every
 * call of its history, matching and visibility services waits for the one before: these calls, not
 * the CPU, are what the server can do only one at a time.
 */
/** Calls and their seconds by name: the server's persistence calls, or a worker's tasks (worker-metrics.ts). */
export type CallsReading = Record<string, { calls: number; seconds: number }>;

// The visibility store's calls have metrics of their own (`visibility_persistence_*`), through the
// same connection on the dev server.
const LINE = /^(visibility_)?persistence_(requests|latency_sum)\{([^}]*)\} ([0-9.eE+-]+)$/;

/** A Prometheus endpoint's text, parsed; null when there is none or it does not answer. */
async function scrape<T>(url: string | undefined, parse: (text: string) => T): Promise<T | null> {
  if (!url) return null;
  try {
    const res = await fetch(url);
    return res.ok ? parse(await res.text()) : null;
  } catch {
    return null;
  }
}

/** The persistence counters of a Prometheus text exposition: calls and seconds by `service
 * operation`, summed over namespaces. */
export function parsePersistence(text: string): CallsReading {
  const out: CallsReading = {};
  for (const line of text.split('\n')) {
    const m = LINE.exec(line);
    if (!m) continue;
    const labels = Object.fromEntries([...m[3].matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1], l[2]]));
    const key = `${labels.service_name}${m[1] ? ' visibility' : ''} ${labels.operation}`;
    const entry = (out[key] ??= { calls: 0, seconds: 0 });
    if (m[2] === 'requests') entry.calls += Number(m[4]);
    else entry.seconds += Number(m[4]);
  }
  return out;
}

export function readingSince(before: CallsReading, after: CallsReading): CallsReading {
  const out: CallsReading = {};
  for (const [key, a] of Object.entries(after)) {
    const b = before[key] ?? { calls: 0, seconds: 0 };
    if (a.calls > b.calls) out[key] = { calls: a.calls - b.calls, seconds: a.seconds - b.seconds };
  }
  return out;
}

export function addReading(into: CallsReading, more: CallsReading): void {
  for (const [key, m] of Object.entries(more)) {
    const entry = (into[key] ??= { calls: 0, seconds: 0 });
    entry.calls += m.calls;
    entry.seconds += m.seconds;
  }
}

/**
 * One endpoint's readings summed over the rounds: read before a round and again after it, the
 * difference added. `total` stays null until some round had both readings.
 */
export class MetricsTally {
  total: CallsReading | null = null;

  constructor(
    private readonly url: string | undefined,
    private readonly parse: (text: string) => CallsReading,
  ) {}

  /** Reads now; the function it answers reads again and adds what happened in between. */
  async start(): Promise<() => Promise<void>> {
    const before = await scrape(this.url, this.parse);
    return async () => {
      const after = before && (await scrape(this.url, this.parse));
      if (!before || !after) return;
      this.total ??= {};
      addReading(this.total, readingSince(before, after));
    };
  }
}
