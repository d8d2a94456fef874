import type { ActorRef } from './people';

/** Every due date the commission tracks; later stages add theirs to the same mechanism. */
export const MILESTONES = [
  'sign-off',
  'clarification',
  'tender-close',
  'standstill-end',
  'interim-report',
  'final-report',
] as const;
export type Milestone = (typeof MILESTONES)[number];

export const NOTIFICATION_KINDS = ['reminder', 'escalation'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** One reminder or escalation of one version of one deadline. */
export interface PlannedNotification {
  kind: NotificationKind;
  /** `before:P7D` for a reminder, `overdue:N` for the N-th escalation (0 at the due time). */
  offset: string;
  at: string;
  status: 'scheduled' | 'sent' | 'skipped' | 'cancelled';
}

export interface Deadline {
  milestone: Milestone;
  dueAt: string;
  /** Grows each time the due date moves, so a moved deadline's reminders are new notifications. */
  version: number;
  /** When this version was set: reminders already past then are not sent in a burst. */
  setAt: string;
  metAt: string | null;
  closedReason: 'met' | 'cancelled' | null;
  reminders: PlannedNotification[];
  /** How many escalations have gone out since the due date passed. */
  escalations: number;
}

export interface DeadlineMove {
  milestone: Milestone;
  from: string;
  to: string;
  reason: string;
  by: ActorRef;
  at: string;
}

/** What the workflow hands to the notification activities, which render the text and link. */
export interface NotificationRequest {
  key: string;
  commissionId: string;
  commissionTitle: string;
  milestone: Milestone;
  deadlineVersion: number;
  kind: NotificationKind;
  offset: string;
  dueAt: string;
  scheduledFor: string;
  recipients: { userId: string; name: string; email: string }[];
}

export function notificationKey(
  commissionId: string,
  milestone: Milestone,
  deadlineVersion: number,
  offset: string,
): string {
  return `${commissionId}:${milestone}:v${deadlineVersion}:${offset}`;
}
