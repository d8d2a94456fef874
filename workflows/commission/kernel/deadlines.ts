import {
  parseDuration,
  type Deadline,
  type Milestone,
  type PlannedNotification,
  type ReminderPolicy,
} from '@app/contracts';

/*
 * Deadline arithmetic as pure functions of time, so the workflow's scheduler stays a thin loop
 * and every rule here is unit-tested without a server.
 */

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Plans the reminders of one version of a deadline. Reminders whose time has already passed when
 * the deadline is set are not sent in a burst: the latest of them goes out at once, so recipients
 * hear once that the date is near, and the earlier ones are skipped.
 */
export function planDeadline(
  milestone: Milestone,
  dueAt: string,
  policy: ReminderPolicy,
  now: number,
  version: number,
): Deadline {
  const due = Date.parse(dueAt);
  const reminders: PlannedNotification[] = [...new Set(policy.before)]
    .map((d) => ({ offset: `before:${d}`, at: due - parseDuration(d) }))
    .sort((a, b) => a.at - b.at)
    .map(({ offset, at }) => ({
      kind: 'reminder' as const,
      offset,
      at: iso(at),
      status: at > now ? ('scheduled' as const) : ('skipped' as const),
    }));
  const missed = reminders.filter((r) => r.status === 'skipped');
  if (missed.length > 0 && due > now) {
    const latest = missed[missed.length - 1];
    latest.status = 'scheduled';
    latest.at = iso(now);
  }
  return {
    milestone,
    dueAt: iso(due),
    version,
    setAt: iso(now),
    metAt: null,
    closedReason: null,
    reminders,
    escalations: 0,
  };
}

export function isOpen(d: Deadline): boolean {
  return d.closedReason === null;
}

export function nextEscalationAt(d: Deadline, policy: ReminderPolicy): number {
  return Date.parse(d.dueAt) + d.escalations * parseDuration(policy.overdueEvery);
}

/** The earliest moment any open deadline needs attention, or null when nothing is pending. */
export function nextWake(deadlines: readonly Deadline[], policy: ReminderPolicy): number | null {
  let next: number | null = null;
  for (const d of deadlines.filter(isOpen)) {
    const times = [
      ...d.reminders.filter((r) => r.status === 'scheduled').map((r) => Date.parse(r.at)),
      nextEscalationAt(d, policy),
    ];
    for (const t of times) if (next === null || t < next) next = t;
  }
  return next;
}

export interface Due {
  deadline: Deadline;
  kind: 'reminder' | 'escalation';
  offset: string;
  at: string;
}

/**
 * Takes every notification due by `now` and marks it sent in the deadline, so it fires once.
 * What was missed while nothing ran (a long outage) does not arrive in a burst: escalations
 * collapse into one, numbered for the latest period, and reminders into the latest still before
 * the due date (`collapseMissedReminders`, false only for runs from before that rule).
 */
export function takeDue(
  deadlines: readonly Deadline[],
  policy: ReminderPolicy,
  now: number,
  collapseMissedReminders = true,
): Due[] {
  const due: Due[] = [];
  for (const d of deadlines.filter(isOpen)) {
    const ripe = d.reminders.filter((r) => r.status === 'scheduled' && Date.parse(r.at) <= now);
    // After an outage, only the latest missed reminder still says something true, and none
    // does once the date has passed (the escalation speaks then).
    const send = !collapseMissedReminders ? ripe : now >= Date.parse(d.dueAt) ? [] : ripe.slice(-1);
    for (const r of ripe) {
      r.status = send.includes(r) ? 'sent' : 'skipped';
      if (r.status === 'sent') due.push({ deadline: d, kind: 'reminder', offset: r.offset, at: r.at });
    }
    const every = parseDuration(policy.overdueEvery);
    const first = Date.parse(d.dueAt);
    if (now >= nextEscalationAt(d, policy)) {
      const period = Math.floor((now - first) / every);
      d.escalations = period + 1;
      due.push({
        deadline: d,
        kind: 'escalation',
        offset: `overdue:${period}`,
        at: iso(first + period * every),
      });
    }
  }
  return due;
}

/** Meeting a milestone (or cancelling the commission) cancels what it had still to send. */
export function closeDeadline(d: Deadline, reason: 'met' | 'cancelled', now: number): void {
  if (!isOpen(d)) return;
  d.closedReason = reason;
  d.metAt = reason === 'met' ? iso(now) : null;
  for (const r of d.reminders) if (r.status === 'scheduled') r.status = 'cancelled';
}

/** A moved deadline is a new version: its reminders are planned afresh from the new date. */
export function moveDeadline(d: Deadline, dueAt: string, policy: ReminderPolicy, now: number): Deadline {
  closeDeadline(d, 'cancelled', now);
  return planDeadline(d.milestone, dueAt, policy, now, d.version + 1);
}

/** Replaces the deadline of a milestone (one live deadline per milestone) in place. */
export function putDeadline(deadlines: Deadline[], next: Deadline): void {
  const i = deadlines.findIndex((d) => d.milestone === next.milestone);
  if (i >= 0) deadlines[i] = next;
  else deadlines.push(next);
}

export function findDeadline(deadlines: readonly Deadline[] | undefined, m: Milestone): Deadline | undefined {
  return deadlines?.find((d) => d.milestone === m);
}
