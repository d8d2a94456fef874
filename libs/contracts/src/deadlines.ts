import type { ActorRef } from './people';

/** Every due date the commission tracks; later stages add theirs to the same mechanism. */
export const MILESTONES = [
  'sign-off',
  'clarification',
  'tender-close',
  // The panel's scoring of the opened bids (issue 10): reminds those who still owe scores.
  'scoring',
  'standstill-end',
  'interim-report',
  'final-report',
  'contract-notice',
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
  /**
   * The transition that happens by itself when this deadline falls due (the tender closes, the
   * standstill ends); absent for deadlines that only remind and escalate.
   */
  onDue?: string;
}

export interface DeadlineMove {
  milestone: Milestone;
  from: string;
  to: string;
  reason: string;
  by: ActorRef;
  at: string;
}
