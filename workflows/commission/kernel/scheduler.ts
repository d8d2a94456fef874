import { condition } from '@temporalio/workflow';
import { isFinal, type CommissionView, type Deadline } from '@app/contracts';
import { isOpen, nextWake, takeDue, type Due } from './deadlines';

export interface SchedulerHooks {
  /** A reminder or escalation fell due. */
  notify(due: Due): void;
  /** A deadline with an on-due transition fell due: run it (it closes the deadline). */
  runOnDue(deadline: Deadline, at: number): void;
}

/**
 * The deadline scheduler: one updatable timer (as in the Temporal samples' UpdatableTimer) for the
 * earliest pending reminder, escalation or on-due transition. `wake()` makes it plan again at once,
 * so a moved date takes effect immediately.
 */
export class DeadlineScheduler {
  private changed = false;

  constructor(
    private readonly state: CommissionView,
    private readonly collapseMissedReminders: boolean,
    private readonly hooks: SchedulerHooks,
  ) {}

  wake(): void {
    this.changed = true;
  }

  async run(): Promise<void> {
    const s = this.state;
    while (!isFinal(s.stage)) {
      const wake = nextWake(s.deadlines ?? [], s.reminderPolicy);
      const wait = wake === null ? undefined : wake - Date.now();
      const woken = () => this.changed || isFinal(s.stage);
      if (wait === undefined) await condition(woken);
      else if (wait > 0) await condition(woken, wait, { summary: this.summary(wake!) });
      this.changed = false;
      if (isFinal(s.stage)) return;
      const now = Date.now();
      // On-due transitions first: a deadline that acts when it falls due is met, not overdue.
      for (const d of (s.deadlines ?? []).filter((x) => isOpen(x) && x.onDue)) {
        if (Date.parse(d.dueAt) <= now) this.hooks.runOnDue(d, now);
      }
      for (const due of takeDue(s.deadlines ?? [], s.reminderPolicy, now, this.collapseMissedReminders)) {
        this.hooks.notify(due);
      }
    }
  }

  /** Names the milestone in the Temporal Web UI's timer view. */
  private summary(at: number): string {
    const d = (this.state.deadlines ?? []).find(
      (x) =>
        isOpen(x) &&
        (Date.parse(x.dueAt) === at ||
          x.reminders.some((r) => r.status === 'scheduled' && Date.parse(r.at) === at)),
    );
    return d ? `${d.milestone} (due ${d.dueAt})` : 'next escalation';
  }
}
