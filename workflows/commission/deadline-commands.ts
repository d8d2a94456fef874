import { actorRef, type CommissionView, type MoveDeadline } from '@app/contracts';
import type { Change } from './decide';
import { findDeadline, isOpen, moveDeadline, planDeadline, putDeadline, closeDeadline } from './deadlines';
import { conflict, invalid, ruleRefusal, type CommandRefusal } from './refusal';

/** The report deadlines every commission tracks from the day it opens. */
export function openReportDeadlines(s: CommissionView, now: number): void {
  s.deadlines = [
    planDeadline('interim-report', s.milestones.interimReportDueAt, s.reminderPolicy, now, 1),
    planDeadline('final-report', s.milestones.finalReportDueAt, s.reminderPolicy, now, 1),
  ];
  s.deadlineMoves = [];
}

/**
 * Keeps the sign-off deadline in step with the sign-off round: a new round opens a new deadline
 * version at its respond-by date; a round that ends (signed off, sent back, withdrawn) meets it.
 */
export function syncSignOffDeadline(s: CommissionView, roundBefore: unknown, now: number): void {
  if (!s.deadlines) return;
  const round = s.signOff.current;
  if (round === roundBefore) return;
  const previous = findDeadline(s.deadlines, 'sign-off');
  if (previous) closeDeadline(previous, s.stage === 'cancelled' ? 'cancelled' : 'met', now);
  if (round) {
    putDeadline(
      s.deadlines,
      planDeadline('sign-off', round.respondBy, s.reminderPolicy, now, (previous?.version ?? 0) + 1),
    );
  }
}

/** A cancelled commission sends nothing more. */
export function closeAllDeadlines(s: CommissionView, now: number): void {
  for (const d of s.deadlines ?? []) closeDeadline(d, 'cancelled', now);
}

export function checkMoveDeadline(s: CommissionView, cmd: MoveDeadline, now: number): CommandRefusal | null {
  const refusal = ruleRefusal('move-deadline', s, cmd.actor);
  if (refusal) return refusal;
  if (!cmd.reason.trim()) return invalid(s, 'moving a deadline needs a reason');
  const deadline = findDeadline(s.deadlines, cmd.milestone);
  if (!deadline || !isOpen(deadline)) {
    return conflict(s, `there is no open ${cmd.milestone} deadline to move`);
  }
  const dueAt = Date.parse(cmd.dueAt);
  if (Number.isNaN(dueAt)) return invalid(s, 'dueAt is not a date-time');
  if (dueAt <= now) return invalid(s, 'the new due date must be in the future');
  return null;
}

export function applyMoveDeadline(s: CommissionView, cmd: MoveDeadline, at: string): Change | null {
  const now = Date.parse(at);
  const current = findDeadline(s.deadlines, cmd.milestone)!;
  const to = new Date(Date.parse(cmd.dueAt)).toISOString();
  if (to === current.dueAt) return null;
  const from = current.dueAt;
  putDeadline(s.deadlines!, moveDeadline(current, to, s.reminderPolicy, now));
  s.deadlineMoves!.push({
    milestone: cmd.milestone,
    from,
    to,
    reason: cmd.reason,
    by: actorRef(cmd.actor),
    at,
  });
  if (cmd.milestone === 'sign-off' && s.signOff.current) s.signOff.current.respondBy = to;
  if (cmd.milestone === 'interim-report') s.milestones.interimReportDueAt = to;
  if (cmd.milestone === 'final-report') s.milestones.finalReportDueAt = to;
  return {
    action: 'deadline-moved',
    detail: { milestone: cmd.milestone, from, to, reason: cmd.reason },
    effects: [],
  };
}
