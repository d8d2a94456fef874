import { tokenFor, type TestUser } from './people';

export interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  /** How many times the request was sent before this answer. */
  attempts: number;
  /** The API answered from its idempotency store (`Idempotent-Replayed: true`). */
  replayed: boolean;
}

/** Answers a careful client retries: the server or a dependency was down, or still busy with the first try. */
function worthRetrying(status: number, body: { detail?: unknown } | null): boolean {
  if (status >= 500 || status === 429) return true;
  return status === 409 && typeof body?.detail === 'string' && body.detail.includes('still being answered');
}

/**
 * A client that behaves as a careful script would while the system fails under it: every POST
 * carries an Idempotency-Key, and a request that got no answer, a 5xx, a 429 or "still being
 * answered" is sent again, unchanged and with the same key, until it gets a real answer.
 */
export class PatientClient {
  /** Requests sent again after a failure, over the client's life. */
  resent = 0;
  /** Answers the API replayed from its idempotency store. */
  replays = 0;
  /** Failures seen and retried, by kind (`no answer`, `500`, …). */
  readonly failures = new Map<string, number>();

  constructor(
    private readonly baseUrl: string,
    private readonly giveUpAfterMs = 120_000,
    private readonly perRequestTimeoutMs = 30_000,
  ) {}

  async send(
    user: TestUser,
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body?: object,
    key?: string,
  ): Promise<Answer> {
    const headers: Record<string, string> = { authorization: `Bearer ${tokenFor(user)}` };
    if (body) headers['content-type'] = 'application/json';
    if (key) headers['idempotency-key'] = key;
    const deadline = Date.now() + this.giveUpAfterMs;
    let last = '';
    for (let attempts = 1; ; attempts++) {
      if (attempts > 1) this.resent++;
      try {
        const res = await fetch(`${this.baseUrl}${path}`, {
          method,
          headers,
          body: body ? JSON.stringify(body) : undefined,
          signal: AbortSignal.timeout(this.perRequestTimeoutMs),
        });
        const text = await res.text();
        const parsed = text ? JSON.parse(text) : null;
        if (!worthRetrying(res.status, parsed)) {
          const replayed = res.headers.get('idempotent-replayed') === 'true';
          if (replayed) this.replays++;
          return { status: res.status, body: parsed, attempts, replayed };
        }
        last = `${res.status} ${text.slice(0, 300)}`;
        this.count(String(res.status));
      } catch (err) {
        last = `no answer: ${(err as Error).message}`;
        this.count('no answer');
      }
      if (Date.now() > deadline) {
        throw new Error(`${method} ${path} got no real answer in ${this.giveUpAfterMs} ms; last: ${last}`);
      }
      // A short pause between tries: the fault is being repaired, not padded for.
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  private count(kind: string): void {
    this.failures.set(kind, (this.failures.get(kind) ?? 0) + 1);
  }
}
