import type { DataSource } from 'typeorm';
import type { Channel, Outgoing } from './channels';
import { deadlineInvite } from './deadline-invite';
import { loadEntries, markAttempts, type DeliveryOutcome, type OutboxEntry } from './outbox';

export interface Sender {
  send(channel: Channel, n: Outgoing): Promise<void>;
}

export interface ChannelAttempt {
  key: string;
  channel: Channel;
  outcome: DeliveryOutcome;
}

/**
 * One attempt at the notifications `keys`: every channel not yet sent, side by side, so one slow
 * channel does not use up the attempt's time before the others are tried. Each outcome is written
 * as soon as it is known, outcomes known together in one statement (a send that fails before its
 * outcome is written goes again on the retry, under the same key, which receivers drop). Keys the
 * outbox does not hold come back as `unknown`.
 */
export async function deliverBatch(
  ds: DataSource,
  sender: Sender,
  keys: readonly string[],
  final: boolean,
): Promise<{ tried: ChannelAttempt[]; unknown: string[] }> {
  const entries = await loadEntries(ds, keys);
  const known = new Set(entries.map((e) => e.key));
  const outcomes = new OutcomeWriter(ds);
  const tried = await Promise.all(
    entries.flatMap((entry) => {
      const invite = once(() => deadlineInvite(entry));
      return entry.deliveries
        .filter((d) => d.status === 'pending')
        .map(async ({ channel }): Promise<ChannelAttempt> => {
          let outcome: DeliveryOutcome;
          try {
            // Only an e-mail carries the invite, and making one was most of a delivery's CPU over
            // the other channels (the ics library folds lines grapheme by grapheme): ~1.8 ms each.
            await sender.send(channel, outgoing(entry, channel === 'email' ? invite() : undefined));
            outcome = { sent: true };
          } catch (err) {
            outcome = { sent: false, error: (err as Error).message, final };
          }
          const attempt = { key: entry.key, channel, outcome };
          await outcomes.write(attempt);
          return attempt;
        });
    }),
  );
  return { tried, unknown: keys.filter((key) => !known.has(key)) };
}

/** Outcomes that arrive in the same turn of the event loop go to PostgreSQL in one statement. */
class OutcomeWriter {
  private waiting: ChannelAttempt[] = [];
  private flush: Promise<void> | null = null;

  constructor(private readonly ds: DataSource) {}

  write(attempt: ChannelAttempt): Promise<void> {
    this.waiting.push(attempt);
    this.flush ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      const batch = this.waiting;
      this.waiting = [];
      this.flush = null;
      return markAttempts(this.ds, batch);
    });
    return this.flush;
  }
}

function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

function outgoing(entry: OutboxEntry, calendar: string | undefined): Outgoing {
  const { key } = entry;
  return {
    key,
    subject: entry.subject,
    body: entry.body,
    link: entry.link,
    recipients: entry.recipients,
    calendar,
    payload: {
      key,
      commissionId: entry.commissionId,
      topic: entry.topic,
      ...(entry.message ? { message: entry.message } : {}),
      milestone: entry.milestone,
      kind: entry.kind,
      offset: entry.offset,
      dueAt: entry.dueAt?.toISOString() ?? null,
      scheduledFor: entry.scheduledFor.toISOString(),
      recipients: entry.recipients,
    },
  };
}
