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
 * How long before a far time a V5 run wakes to set its timer again (`wakeAhead`). Longer than a busy
 * task takes here (p99 0.3 to 0.64 s under the bench's load), so the timer for the rest is set by
 * the quick task that wakes.
 */
export const WAKE_AHEAD_MS = 1000;

/**
 * The timer for a wait of `wait` ms. The workflow's clock is the time its task began, but the server
 * starts a timer when the task that set it completes: a command's task (with its write, under load)
 * completes up to hundreds of ms after it began, and the timer it set fired that much late
 * (reminders at p99 0.3 to 0.64 s, in the bench). So a far time is waited for in two timers: to
 * `WAKE_AHEAD_MS` before it, then the rest, set by a task that writes nothing and so completes
 * within milliseconds. A wait of under twice that is one timer, as before.
 */
export function timerFor(wait: number, wakeAhead: boolean): number {
  return wakeAhead && wait > 2 * WAKE_AHEAD_MS ? wait - WAKE_AHEAD_MS : wait;
}

/**
 * The deadline scheduler: one updatable timer (as in the Temporal samples' UpdatableTimer) for the
 * earliest pending reminder, escalation or on-due transition. `wake()` makes it plan again at once,
 * so a moved date takes effect immediately. Runs of `commissionWorkflowV5` wake ahead (`timerFor`);
 * the older types' histories have one timer a wait, and keep it.
 */
export class DeadlineScheduler {
  private changed = false;

  constructor(
    private readonly state: CommissionView,
    private readonly collapseMissedReminders: boolean,
    private readonly wakeAhead: boolean,
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
      else if (wait > 0) {
        const timer = timerFor(wait, this.wakeAhead);
        const ahead = timer < wait ? ', waking a second ahead' : '';
        await condition(woken, timer, { summary: `${this.summary(wake!)}${ahead}` });
      }
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
