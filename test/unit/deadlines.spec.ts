import type { ReminderPolicy } from '@app/contracts';
import {
  closeDeadline,
  moveDeadline,
  nextWake,
  planDeadline,
  takeDue,
} from '../../workflows/commission/kernel/deadlines';

const T0 = Date.parse('2030-01-01T09:00:00.000Z');
const DAY = 86_400_000;
const HOUR = 3_600_000;
const at = (ms: number) => new Date(ms).toISOString();
const policy: ReminderPolicy = { before: ['P14D', 'P7D', 'P1D'], overdueEvery: 'P7D' };

describe('planning the reminders of a deadline', () => {
  it('schedules one reminder per offset before the due date, earliest first', () => {
    const d = planDeadline('final-report', at(T0 + 30 * DAY), policy, T0, 1);
    expect(d.reminders).toEqual([
      { kind: 'reminder', offset: 'before:P14D', at: at(T0 + 16 * DAY), status: 'scheduled' },
      { kind: 'reminder', offset: 'before:P7D', at: at(T0 + 23 * DAY), status: 'scheduled' },
      { kind: 'reminder', offset: 'before:P1D', at: at(T0 + 29 * DAY), status: 'scheduled' },
    ]);
    expect(nextWake([d], policy)).toBe(T0 + 16 * DAY);
  });

  it('sends only the latest of the reminders already past when the deadline is set, at once', () => {
    const d = planDeadline('sign-off', at(T0 + 3 * DAY), policy, T0, 1);
    expect(d.reminders.map((r) => [r.offset, r.status, r.at])).toEqual([
      ['before:P14D', 'skipped', at(T0 - 11 * DAY)],
      ['before:P7D', 'scheduled', at(T0)],
      ['before:P1D', 'scheduled', at(T0 + 2 * DAY)],
    ]);
  });

  it('sends no catch-up reminder for a date that has already passed: the escalation says it', () => {
    const d = planDeadline('sign-off', at(T0 - DAY), policy, T0, 1);
    expect(d.reminders.every((r) => r.status === 'skipped')).toBe(true);
    expect(nextWake([d], policy)).toBe(T0 - DAY);
  });
});

describe('taking what is due', () => {
  it('fires each reminder once, then escalates at the due date and every interval after', () => {
    const due = T0 + 10 * DAY;
    const d = planDeadline('interim-report', at(due), { before: ['P7D'], overdueEvery: 'P7D' }, T0, 1);
    expect(takeDue([d], policy, T0 + 3 * DAY).map((x) => x.offset)).toEqual(['before:P7D']);
    expect(takeDue([d], policy, T0 + 3 * DAY)).toEqual([]);
    expect(takeDue([d], policy, due)).toEqual([
      expect.objectContaining({ kind: 'escalation', offset: 'overdue:0', at: at(due) }),
    ]);
    expect(nextWake([d], policy)).toBe(due + 7 * DAY);
    expect(takeDue([d], policy, due + 7 * DAY + 5).map((x) => x.offset)).toEqual(['overdue:1']);
  });

  it('collapses escalations missed during an outage into one for the latest period', () => {
    const due = T0 + DAY;
    const d = planDeadline('interim-report', at(due), { before: [], overdueEvery: 'P7D' }, T0, 1);
    const fired = takeDue([d], policy, due + 22 * DAY);
    expect(fired).toEqual([expect.objectContaining({ offset: 'overdue:3', at: at(due + 21 * DAY) })]);
    expect(nextWake([d], policy)).toBe(due + 28 * DAY);
  });

  it('after an outage sends only the latest missed reminder, and none once the date has passed', () => {
    const due = T0 + 30 * DAY;
    const a = planDeadline('final-report', at(due), policy, T0, 1);
    const fired = takeDue([a], policy, due - 12 * HOUR);
    expect(fired.map((x) => x.offset)).toEqual(['before:P1D']);
    expect(a.reminders.map((r) => r.status)).toEqual(['skipped', 'skipped', 'sent']);

    const b = planDeadline('final-report', at(due), policy, T0, 1);
    expect(takeDue([b], policy, due + HOUR).map((x) => x.offset)).toEqual(['overdue:0']);
    expect(b.reminders.every((r) => r.status === 'skipped')).toBe(true);

    // Runs from before this rule keep their old behaviour on replay.
    const c = planDeadline('final-report', at(due), policy, T0, 1);
    expect(takeDue([c], policy, due - 12 * HOUR, false).map((x) => x.offset)).toEqual([
      'before:P14D',
      'before:P7D',
      'before:P1D',
    ]);
  });

  it('stops everything once the milestone is met', () => {
    const d = planDeadline('sign-off', at(T0 + 30 * DAY), policy, T0, 1);
    closeDeadline(d, 'met', T0 + DAY);
    expect(d).toMatchObject({ closedReason: 'met', metAt: at(T0 + DAY) });
    expect(d.reminders.every((r) => r.status === 'cancelled')).toBe(true);
    expect(nextWake([d], policy)).toBeNull();
    expect(takeDue([d], policy, T0 + 60 * DAY)).toEqual([]);
  });
});

describe('moving a deadline', () => {
  it('makes a new version planned from the new date and closes the old one', () => {
    const old = planDeadline('sign-off', at(T0 + 30 * DAY), policy, T0, 1);
    takeDue([old], policy, T0 + 16 * DAY);
    const moved = moveDeadline(old, at(T0 + 40 * DAY), policy, T0 + 17 * DAY);
    expect(old.closedReason).toBe('cancelled');
    expect(moved).toMatchObject({ version: 2, dueAt: at(T0 + 40 * DAY), escalations: 0, closedReason: null });
    expect(moved.reminders.map((r) => [r.offset, r.status])).toEqual([
      ['before:P14D', 'scheduled'],
      ['before:P7D', 'scheduled'],
      ['before:P1D', 'scheduled'],
    ]);
    expect(nextWake([old, moved], policy)).toBe(T0 + 26 * DAY);
  });
});
