import { condition } from '@temporalio/workflow';
import type { ActorRef, CommissionView, Projection, Stage } from '@app/contracts';
import { summaryOf } from '../initial-state';
import type { Change } from './change';

/** Events per projection call: bounded, so one call's input stays small whatever piled up. */
const MAX_BATCH = 20;

function withoutView(p: Projection): Projection {
  const rest = { ...p };
  delete rest.view;
  return rest;
}

/**
 * The commission's ledger: every accepted change gets the next sequence number and joins a queue
 * of projections that are written to the read model in order, one at a time, so the read model
 * never sees a gap. Callers wait on `projected(seq)` to read their own writes.
 */
export class Ledger {
  private readonly queue: Projection[] = [];
  private projectedSeq: number;

  constructor(
    private readonly state: CommissionView,
    private readonly now: () => string,
    /** False on runs from before the whole view was kept with each event (see the patch). */
    private readonly keepsView: boolean,
  ) {
    this.projectedSeq = state.version;
  }

  /** Numbers and queues the change; answers its sequence number and the view just after it. */
  record(actor: ActorRef, fromStage: Stage | null, change: Change): { seq: number; view: CommissionView } {
    const s = this.state;
    s.version += 1;
    s.updatedAt = this.now();
    // A snapshot: the state moves on while this waits its turn in the queue.
    const view = this.keepsView ? (JSON.parse(JSON.stringify(s)) as CommissionView) : s;
    this.queue.push({
      commissionId: s.id,
      event: {
        seq: s.version,
        at: s.updatedAt,
        actor: { userId: actor.userId, name: actor.name },
        action: change.action,
        fromStage,
        toStage: s.stage,
        detail: change.detail,
      },
      summary: summaryOf(s),
      effects: change.effects,
      ...(this.keepsView ? { view } : {}),
    });
    return { seq: s.version, view };
  }

  /** The last event in the read model. */
  get projectedThrough(): number {
    return this.projectedSeq;
  }

  get pending(): boolean {
    return this.queue.length > 0;
  }

  /** Resolves once every change up to `seq` is in the read model. */
  async projected(seq: number): Promise<void> {
    await condition(() => this.projectedSeq >= seq);
  }

  /** Writes what is queued, in order, one event at a time; `write` is the projection activity. */
  async drain(write: (p: Projection) => Promise<void>): Promise<void> {
    while (this.queue.length > 0) {
      await write(this.queue[0]);
      this.projectedSeq = this.queue.shift()!.event.seq;
    }
  }

  /**
   * Writes what is queued, in order, everything queued so far in one call (one transaction). Only
   * the last event of a batch carries the view: the read model keeps the latest view only, and the
   * input stays one view whatever the batch's length.
   */
  async drainInBatches(write: (batch: Projection[]) => Promise<void>): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.slice(0, MAX_BATCH);
      await write(batch.map((p, i) => (i < batch.length - 1 ? withoutView(p) : p)));
      this.queue.splice(0, batch.length);
      this.projectedSeq = batch[batch.length - 1].event.seq;
    }
  }
}
