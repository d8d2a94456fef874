import { isFinal, type CommissionView } from '@app/contracts';
import type { DeadlineChange } from './change';
import { closeDeadline, findDeadline, moveDeadline, planDeadline, putDeadline } from './deadlines';

/** The report deadlines every commission tracks from the day it opens. */
export function openReportDeadlines(s: CommissionView, now: number): void {
  s.deadlines = [
    planDeadline('interim-report', s.milestones.interimReportDueAt, s.reminderPolicy, now, 1),
    planDeadline('final-report', s.milestones.finalReportDueAt, s.reminderPolicy, now, 1),
  ];
  s.deadlineMoves = [];
}

/**
 * Applies what a change says about deadlines, then closes every deadline once the commission has
 * reached a final stage: a cancelled or completed commission sends nothing more. A commission opened
 * before deadlines were tracked has none, and this does nothing.
 */
export function applyDeadlineChanges(
  s: CommissionView,
  changes: readonly DeadlineChange[],
  now: number,
): void {
  const deadlines = s.deadlines;
  if (!deadlines) return;
  for (const c of changes) {
    if ('open' in c) {
      const previous = findDeadline(deadlines, c.open);
      if (previous) closeDeadline(previous, 'met', now);
      const next = planDeadline(c.open, c.dueAt, s.reminderPolicy, now, (previous?.version ?? 0) + 1);
      if (c.onDue) next.onDue = c.onDue;
      putDeadline(deadlines, next);
    } else if ('move' in c) {
      const current = findDeadline(deadlines, c.move);
      if (!current) continue;
      const next = moveDeadline(current, c.dueAt, s.reminderPolicy, now);
      if (current.onDue) next.onDue = current.onDue;
      putDeadline(deadlines, next);
    } else {
      const current = findDeadline(deadlines, c.close);
      if (current) closeDeadline(current, c.reason, now);
    }
  }
  if (isFinal(s.stage)) for (const d of deadlines) closeDeadline(d, 'cancelled', now);
}
