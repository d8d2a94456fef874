import type { Milestone, NotificationKind } from './deadlines';
import type { Projection, ProjectionAttempt } from './audit';

export interface Recipient {
  userId: string;
  name: string;
  email: string;
}

interface NotificationBase {
  /** The outbox key: recording the same key again is a no-op, and receivers drop duplicates by it. */
  key: string;
  commissionId: string;
  commissionTitle: string;
  scheduledFor: string;
  recipients: Recipient[];
}

/** A reminder or escalation of one version of one deadline. */
export interface DeadlineNotification extends NotificationBase {
  /** Absent on requests recorded before messages existed: those are all deadline notifications. */
  topic?: 'deadline';
  milestone: Milestone;
  deadlineVersion: number;
  kind: NotificationKind;
  offset: string;
  dueAt: string;
  /** Sign-off only: the specification version awaiting decisions (absent on older requests). */
  specificationVersion?: number;
  /** Who has still to act when it was sent: for sign-off, the panel members yet to decide. */
  outstanding?: string[];
}

/**
 * Something that happened and that people must hear of: the commission was cancelled, later the
 * tender closed, an assessment summary, a dependency met. Rendered from its `message` and `facts`.
 */
export const MESSAGE_KINDS = [
  'commission-cancelled',
  'tender-closed',
  'tender-closed-no-bids',
  'tender-closed-bid-receipt',
  'tender-deadline-reminder',
  'assessment-summary',
  'contract-entered',
  'contract-entered-unsuccessful',
  'dependency-met',
  'dependency-never-to-be-met',
  'timeline-worsened',
  'report-submitted',
  'report-revision-requested',
  'report-accepted',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export interface MessageNotification extends NotificationBase {
  topic: 'message';
  message: MessageKind;
  facts: Record<string, string>;
}

/** What the workflow hands to the notification activities, which render the text and link. */
export type NotificationRequest = DeadlineNotification | MessageNotification;

/**
 * The workflow task that records a notification from inside itself (a local activity), before the
 * task is in history. A lost task is retried from history and may key its messages differently
 * (a message's key is its event's seq), so each recording drops what a lost task of the run
 * recorded and nobody tried to deliver (activities/notifications/outbox.ts).
 */
export interface RecordingTask {
  /** The run's id: its start time, as the SDK gives it, differs between attempts of its first task. */
  runId: string;
  /** The workflow's history length as the recording task began. */
  historyLength: number;
  /**
   * The workflow clock as this attempt of the task first recorded (ms since the epoch). An update's
   * task is speculative: lost, it leaves nothing in history, and its retry begins at the same
   * history length, later. Absent from workflows that recorded before it was kept.
   */
  startedMs?: number;
  /** The same for the run's last earlier task that recorded, in history by now; 0 when none did. */
  lastRecordedIn: number;
}

/**
 * What one workflow task writes from inside itself, in one local activity: its events' projection
 * and the notifications it raised (commissionWorkflowV4 and later). Either part may be absent.
 */
export interface TaskWrite {
  projection?: { batch: Projection[]; by: ProjectionAttempt };
  notifications?: { list: NotificationRequest[]; by: RecordingTask };
}

export function isMessage(n: NotificationRequest): n is MessageNotification {
  return n.topic === 'message';
}

export function notificationKey(
  commissionId: string,
  milestone: Milestone,
  deadlineVersion: number,
  offset: string,
): string {
  return `${commissionId}:${milestone}:v${deadlineVersion}:${offset}`;
}

/** A message is keyed by the audit event that caused it, so a retry or replay records it once. */
export function messageKey(commissionId: string, seq: number, message: MessageKind, index: number): string {
  return `${commissionId}:message:${seq}:${message}:${index}`;
}
