import type { Deadline } from '@app/contracts';
import { dueIn, londonDateTime } from '../time/london-time';
import { MILESTONE_LABELS } from './labels';

export interface DeadlineRow {
  milestone: string;
  due: string;
  status: string;
  overdue: boolean;
  nextReminder: string | null;
}

/** Each tracked due date with where it stands: met, cancelled, overdue or how long is left. */
export function deadlineRows(deadlines: readonly Deadline[] | undefined, now: Date): DeadlineRow[] {
  return [...(deadlines ?? [])]
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))
    .map((d) => {
      const open = d.closedReason === null;
      const overdue = open && Date.parse(d.dueAt) <= now.getTime();
      const next = open ? d.reminders.find((r) => r.status === 'scheduled') : undefined;
      return {
        milestone: MILESTONE_LABELS[d.milestone],
        due: londonDateTime(d.dueAt),
        status:
          d.closedReason === 'met'
            ? `Met${d.metAt ? ` at ${londonDateTime(d.metAt)}` : ''}`
            : d.closedReason === 'cancelled'
              ? 'No longer needed'
              : dueIn(d.dueAt, now),
        overdue,
        nextReminder: next
          ? `${next.kind === 'reminder' ? 'Reminder' : 'Escalation'} at ${londonDateTime(next.at)}`
          : null,
      };
    });
}
