import { condition } from '@temporalio/workflow';
import type { NotificationRequest, Projection, ProjectionAttempt, TaskWrite } from '@app/contracts';
import { RecordingTasks } from './task-recording';

/** Notifications per write: bounded, so one write's input stays small however many fell due. */
const MAX_NOTIFICATIONS = 20;

interface Waiting {
  n: NotificationRequest;
  settle: { resolve: (carried: NotificationRequest[]) => void; reject: (err: unknown) => void };
}

/**
 * Everything a workflow task writes goes in one local activity: its events' projection and the
 * notifications it raised, side by side. A notifying command is then answered after one write,
 * where `commissionWorkflowV3` made two, one after the other, each with its activation.
 *
 * The run's main loop is the only writer, one write at a time (why: local-activity-lane.ts). A
 * notification waits here from the moment it is raised, so the write of its task's events takes it
 * along whichever coroutine runs first; the dispatcher delivers what one write recorded together
 * once that write is done. What no projection took is written on its own (`flush`).
 */
export class TaskWrites {
  private readonly waiting: Waiting[] = [];
  private readonly written = new Map<NotificationRequest, Promise<NotificationRequest[]>>();
  private readonly tasks = new RecordingTasks();

  constructor(private readonly write: (w: TaskWrite) => Promise<void>) {}

  /** A notification just raised: it goes with the next write. */
  offer(n: NotificationRequest): void {
    const done = new Promise<NotificationRequest[]>((resolve, reject) =>
      this.waiting.push({ n, settle: { resolve, reject } }),
    );
    // The dispatcher awaits it in its turn; until then a failed write must not count as unhandled.
    done.catch(() => undefined);
    this.written.set(n, done);
  }

  /**
   * Once the write that took the offered notification is done: every notification that write
   * recorded, in the order they were offered, this one first (a write takes the front of the line).
   */
  async recordedWith(n: NotificationRequest): Promise<NotificationRequest[]> {
    const done = this.written.get(n);
    if (!done) throw new Error(`notification ${n.key} was never offered`);
    const carried = await done;
    carried.forEach((c) => this.written.delete(c));
    return carried;
  }

  /** Notifications wait for a write. */
  get pending(): boolean {
    return this.waiting.length > 0;
  }

  /**
   * Resolves once every coroutine the activation woke has run as far as it can. A command wakes
   * the deadline scheduler too, and the notices it raises (a deadline opened) should ride with the
   * command's events: a condition is checked again only after the microtasks its last check set
   * going have run, so this waits out one such round, in replay as when it ran.
   */
  othersSettled(): Promise<void> {
    let checked = false;
    return condition(() => {
      const again = checked;
      checked = true;
      return again;
    });
  }

  /** The events' write, carrying what waits. */
  project(batch: Projection[], by: ProjectionAttempt): Promise<void> {
    return this.send({ batch, by });
  }

  /** Writes what no projection took. */
  async flush(): Promise<void> {
    while (this.waiting.length > 0) await this.send(undefined);
  }

  private async send(projection: TaskWrite['projection']): Promise<void> {
    const carried = this.waiting.splice(0, MAX_NOTIFICATIONS);
    const w: TaskWrite = {
      ...(projection ? { projection } : {}),
      ...(carried.length > 0
        ? { notifications: { list: carried.map((c) => c.n), by: this.tasks.now() } }
        : {}),
    };
    try {
      await this.write(w);
    } catch (err) {
      carried.forEach((c) => c.settle.reject(err));
      throw err;
    }
    const recorded = carried.map((c) => c.n);
    carried.forEach((c) => c.settle.resolve(recorded));
  }
}
