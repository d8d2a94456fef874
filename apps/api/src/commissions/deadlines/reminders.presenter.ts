import type { Actor, CommissionView } from '@app/contracts';
import { header } from '../commission-presenter';
import type { RemindersReadModel } from '../reminders-read-model';

type Sent = Awaited<ReturnType<RemindersReadModel['forCommission']>>;

/** Each deadline with its next reminder, what is still scheduled, the moves, and the outbox. */
export function presentReminders(view: CommissionView, actor: Actor, notifications: Sent) {
  const deadlines = view.deadlines ?? [];
  return {
    ...header(view, actor),
    deadlines: deadlines.map((d) => ({
      milestone: d.milestone,
      dueAt: d.dueAt,
      version: d.version,
      open: d.closedReason === null,
      closedReason: d.closedReason,
      nextReminderAt: d.reminders.find((r) => r.status === 'scheduled')?.at ?? null,
    })),
    scheduled: deadlines.flatMap((d) =>
      d.reminders
        .filter((r) => r.status === 'scheduled')
        .map((r) => ({ milestone: d.milestone, kind: r.kind, offset: r.offset, at: r.at, dueAt: d.dueAt })),
    ),
    moves: view.deadlineMoves ?? [],
    notifications,
  };
}
