import { MoveDeadlineUpdate, actorRef, type CommissionView, type MoveDeadline } from '@app/contracts';
import type { Change } from '../kernel/change';
import { defineCommand } from '../kernel/command';
import { findDeadline, isOpen } from '../kernel/deadlines';
import { newBehaviour } from '../kernel/patches';
import {
  invalid,
  limitRefusal,
  refusal,
  ruleRefusal,
  textRefusal,
  type CommandRefusal,
} from '../kernel/refusal';

/** An officer moves a due date, with a reason; its reminders are planned afresh by the core. */

export function checkMoveDeadline(s: CommissionView, cmd: MoveDeadline, now: number): CommandRefusal | null {
  if (!s.deadlines) {
    return refusal(s, 'deadlines-untracked', 'this commission was opened before deadlines were tracked');
  }
  const r = ruleRefusal('move-deadline', s, cmd.actor);
  if (r) return r;
  if (!cmd.reason.trim()) return invalid(s, 'moving a deadline needs a reason');
  const deadline = findDeadline(s.deadlines, cmd.milestone);
  if (!deadline || !isOpen(deadline)) {
    return refusal(s, 'no-open-deadline', `there is no open ${cmd.milestone} deadline to move`);
  }
  const dueAt = Date.parse(cmd.dueAt);
  if (Number.isNaN(dueAt)) return invalid(s, 'dueAt is not a date-time');
  if (dueAt <= now) return invalid(s, 'the new due date must be in the future');
  const full = limitRefusal(s, 'deadlineMoves', s.deadlineMoves?.length ?? 0, 'deadline moves');
  if (full) return full;
  const order = reportOrderRefusal(s, cmd.milestone, dueAt);
  if (order) return order;
  const standstill = standstillRefusal(s, cmd.milestone, dueAt);
  if (standstill) return standstill;
  const tender = tenderTimesRefusal(s, cmd.milestone, dueAt);
  if (tender) return tender;
  return textRefusal(s, [['the reason', cmd.reason, 'reason']]);
}

/**
 * The standstill may be extended, never shortened: its end was computed from the law and recorded
 * with the award (PA2023 s.51; PCR2015 reg 87; a voluntary one as the officer set it).
 */
function standstillRefusal(s: CommissionView, milestone: string, dueAt: number): CommandRefusal | null {
  const lawful = s.award?.standstill;
  if (milestone !== 'standstill-end' || !lawful || dueAt >= Date.parse(lawful.endsAt)) return null;
  return refusal(
    s,
    'period-too-short',
    `${lawful.rule.citation}: the standstill ends no earlier than ${lawful.endsAt} (calendar ${lawful.calendarVersion}); it may be extended, not shortened`,
    { earliestLawfulEnd: lawful.endsAt, rule: lawful.rule.citation, calendarVersion: lawful.calendarVersion },
  );
}

/**
 * The tender's close moves with its deadline, so it keeps the minimum period recorded when the
 * tender was published (PA2023 s.54(4); PCR2015 reg 27); questions keep closing before it, so
 * answers reach bidders before the close.
 */
function tenderTimesRefusal(s: CommissionView, milestone: string, dueAt: number): CommandRefusal | null {
  const tender = s.tender;
  if (!tender || tender.closedAt) return null;
  if (milestone === 'tender-close') {
    const { earliestLawfulClose, rule, calendarVersion } = tender.period;
    if (dueAt < Date.parse(earliestLawfulClose)) {
      return refusal(
        s,
        'period-too-short',
        `${rule.citation}: the tender closes no earlier than ${earliestLawfulClose} (calendar ${calendarVersion}); it may be extended, not shortened below the minimum period`,
        { earliestLawfulClose, rule: rule.citation, calendarVersion },
      );
    }
    if (dueAt <= Date.parse(tender.clarificationsCloseAt)) {
      return invalid(
        s,
        `the tender must close after questions close (${tender.clarificationsCloseAt}); move the clarification deadline first`,
      );
    }
  }
  if (milestone === 'clarification' && closesQuestions(s) && dueAt >= Date.parse(tender.closesAt)) {
    return invalid(s, `questions must close before the tender closes (${tender.closesAt})`);
  }
  return null;
}

/** The clarification deadline's first version closes questions; a later one only chases answers. */
function closesQuestions(s: CommissionView): boolean {
  return findDeadline(s.deadlines, 'clarification')?.onDue === 'close-clarifications';
}

/** The interim report stays due before the final one, however either moves. */
function reportOrderRefusal(s: CommissionView, milestone: string, dueAt: number): CommandRefusal | null {
  const interim = Date.parse(s.milestones.interimReportDueAt);
  const final = Date.parse(s.milestones.finalReportDueAt);
  if (milestone === 'interim-report' && dueAt >= final) {
    return invalid(
      s,
      `the interim report must stay due before the final report (${s.milestones.finalReportDueAt})`,
    );
  }
  if (milestone === 'final-report' && dueAt <= interim) {
    return invalid(
      s,
      `the final report must stay due after the interim report (${s.milestones.interimReportDueAt})`,
    );
  }
  return null;
}

export function applyMoveDeadline(s: CommissionView, cmd: MoveDeadline, at: string): Change | null {
  const current = findDeadline(s.deadlines, cmd.milestone)!;
  const to = new Date(Date.parse(cmd.dueAt)).toISOString();
  if (to === current.dueAt) return null;
  const from = current.dueAt;
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
  // A move recorded before this patch replays as it ran: the deadline moved and the tender did not.
  const tenderTime =
    cmd.milestone === 'tender-close' || (cmd.milestone === 'clarification' && closesQuestions(s));
  if (tenderTime && s.tender && !s.tender.closedAt && newBehaviour('tender-times-follow-moves')) {
    if (cmd.milestone === 'tender-close') s.tender.closesAt = to;
    else s.tender.clarificationsCloseAt = to;
  }
  return {
    action: 'deadline-moved',
    detail: { milestone: cmd.milestone, from, to, reason: cmd.reason },
    effects: [],
    deadlines: [{ move: cmd.milestone, dueAt: to }],
  };
}

export const deadlineCommands = [
  defineCommand({
    action: 'move-deadline',
    update: MoveDeadlineUpdate,
    check: checkMoveDeadline,
    apply: applyMoveDeadline,
  }),
];
