import { deadlineCalendar, deadlineTitle, deadlineUid } from '@app/calendar';
import { MILESTONES, type Milestone } from '@app/contracts';
import type { OutboxEntry } from './outbox';

const isMilestone = (m: string | null): m is Milestone => MILESTONES.includes(m as Milestone);

/**
 * The `.ics` sent with a reminder or escalation, so the due date lands in the reader's calendar
 * with the link to act on; none for messages, which have no due date.
 */
export function deadlineInvite(entry: OutboxEntry): string | undefined {
  if (entry.topic !== 'deadline' || !entry.dueAt || !isMilestone(entry.milestone)) return undefined;
  return deadlineCalendar([
    {
      uid: deadlineUid(entry.commissionId, entry.milestone),
      sequence: entry.deadlineVersion ?? 0,
      title: deadlineTitle(entry.milestone, entry.commissionTitle ?? entry.commissionId),
      description: entry.body,
      dueAt: new Date(entry.dueAt).toISOString(),
      url: entry.link,
    },
  ]);
}
