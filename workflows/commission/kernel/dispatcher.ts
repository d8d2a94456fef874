import { condition, isCancellation, log } from '@temporalio/workflow';
import type { NotificationRequest } from '@app/contracts';
import { hasPatch } from './patches';

export interface DispatcherActivities {
  recordNotification(n: NotificationRequest): Promise<void>;
  deliverNotification(key: string): Promise<void>;
  abandonNotification(key: string, reason: string): Promise<void>;
}

/**
 * `commissionWorkflowV4`'s way (task-writes.ts): each notification is offered to the task's write
 * as it is raised, and what one write recorded goes out in one delivery activity.
 */
export interface WrittenTogether {
  offer(n: NotificationRequest): void;
  recordedWith(n: NotificationRequest): Promise<NotificationRequest[]>;
  deliverNotifications(keys: string[]): Promise<void>;
}

/** Notifications per delivery activity: each is sent within one attempt's time limit. */
export const MAX_PER_DELIVERY = 5;

/**
 * Records each notification once in the outbox, then delivers it; deliveries run side by side so
 * one slow channel does not hold up the next reminder.
 */
export class Dispatcher {
  private readonly queue: NotificationRequest[] = [];
  private inFlight = 0;

  constructor(
    private readonly activities: DispatcherActivities,
    private readonly together?: WrittenTogether,
  ) {}

  push(n: NotificationRequest): void {
    this.queue.push(n);
    this.together?.offer(n);
  }

  /** Nothing waiting to be recorded and nothing being delivered. */
  get quiet(): boolean {
    return this.queue.length === 0 && this.inFlight === 0;
  }

  run(): Promise<never> {
    return this.together ? this.runTogether(this.together) : this.runOneByOne();
  }

  /** Runs of V3 and older: as their histories say, a delivery per notification. */
  private async runOneByOne(): Promise<never> {
    for (;;) {
      await condition(() => this.queue.length > 0);
      const next = this.queue[0];
      await this.activities.recordNotification(next);
      this.queue.shift();
      this.track([next.key], this.activities.deliverNotification(next.key));
    }
  }

  private async runTogether(together: WrittenTogether): Promise<never> {
    for (;;) {
      await condition(() => this.queue.length > 0);
      const written = await together.recordedWith(this.queue[0]);
      // A write takes the front of the line its notifications were offered in: this queue's front.
      const recorded = this.queue.splice(0, written.length);
      if (recorded.some((n, i) => n !== written[i]))
        throw new Error('a write recorded notifications out of the order they were raised');
      for (let i = 0; i < recorded.length; i += MAX_PER_DELIVERY) {
        const keys = recorded.slice(i, i + MAX_PER_DELIVERY).map((n) => n.key);
        this.track(keys, together.deliverNotifications(keys));
      }
    }
  }

  /** Counts a delivery in flight; when its last attempt dies without reporting, each key says so. */
  private track(keys: string[], delivery: Promise<void>): void {
    this.inFlight += 1;
    delivery
      .catch(async (err: unknown) => {
        // Cancelled with the run (an operator's cancel): nothing can be scheduled in its scope,
        // and trying would leave a rejection no one handles, failing every task after it.
        if (isCancellation(err)) return;
        log.error('notification not delivered', { keys, err });
        // A notification already sent stays sent: only what is still pending is marked failed.
        if (hasPatch('record-abandoned-deliveries')) {
          for (const key of keys)
            await this.activities.abandonNotification(key, `delivery gave up: ${(err as Error).message}`);
        }
      })
      .finally(() => {
        this.inFlight -= 1;
      });
  }
}
