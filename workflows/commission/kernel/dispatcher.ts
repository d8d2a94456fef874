import { condition, log } from '@temporalio/workflow';
import type { NotificationRequest } from '@app/contracts';
import { hasPatch } from './patches';

export interface DispatcherActivities {
  recordNotification(n: NotificationRequest): Promise<void>;
  deliverNotification(key: string): Promise<void>;
  abandonNotification(key: string, reason: string): Promise<void>;
}

/**
 * Records each notification once in the outbox, then delivers it; deliveries run side by side so
 * one slow channel does not hold up the next reminder.
 */
export class Dispatcher {
  private readonly queue: NotificationRequest[] = [];
  private inFlight = 0;

  constructor(private readonly activities: DispatcherActivities) {}

  push(n: NotificationRequest): void {
    this.queue.push(n);
  }

  /** Nothing waiting to be recorded and nothing being delivered. */
  get quiet(): boolean {
    return this.queue.length === 0 && this.inFlight === 0;
  }

  async run(): Promise<never> {
    for (;;) {
      await condition(() => this.queue.length > 0);
      const next = this.queue[0];
      await this.activities.recordNotification(next);
      this.queue.shift();
      this.inFlight += 1;
      this.activities
        .deliverNotification(next.key)
        .catch(async (err: unknown) => {
          log.error('notification not delivered', { key: next.key, err });
          // The last attempt died without reporting (e.g. its worker was killed): say so.
          if (hasPatch('record-abandoned-deliveries')) {
            await this.activities.abandonNotification(
              next.key,
              `delivery gave up: ${(err as Error).message}`,
            );
          }
        })
        .finally(() => {
          this.inFlight -= 1;
        });
    }
  }
}
