import type { NotificationRequest, RecordingTask } from '@app/contracts';
import type { DataSource } from 'typeorm';
import type { Channel } from '../../activities/notifications/channels';
import { recordAllInOutbox } from '../../activities/notifications/outbox';
import type { RenderedNotification } from '../../activities/notifications/render';

type Recipients = NotificationRequest['recipients'];

/** The sign-off's reminder a day before it is due, as the deadline scheduler raises one. */
export function signOffReminder(commissionId: string, recipients: Recipients = []) {
  return {
    key: `${commissionId}:sign-off:v1:before:P1D`,
    commissionId,
    commissionTitle: 'Outbox study',
    milestone: 'sign-off',
    deadlineVersion: 1,
    kind: 'reminder',
    offset: 'before:P1D',
    dueAt: '2030-01-02T00:00:00.000Z',
    scheduledFor: '2030-01-01T00:00:00.000Z',
    recipients,
  } satisfies NotificationRequest;
}

/** A message notification at event `seq`, as the tender's close raises one. */
export function tenderClosedMessage(commissionId: string, seq: number, recipients: Recipients = []) {
  return {
    topic: 'message',
    key: `${commissionId}:message:${seq}:tender-closed:0`,
    commissionId,
    commissionTitle: 'Outbox study',
    scheduledFor: '2030-01-01T00:00:00.000Z',
    message: 'tender-closed',
    facts: {},
    recipients,
  } satisfies NotificationRequest;
}

/** One notification recorded: recordAllInOutbox with a list of one. */
export async function recordInOutbox(
  ds: DataSource,
  n: NotificationRequest,
  text: RenderedNotification,
  channels: Channel[],
  by?: RecordingTask,
): Promise<{ recorded: boolean; dropped: string[] }> {
  const { recorded, dropped } = await recordAllInOutbox(ds, [{ n, text }], channels, by);
  return { recorded: recorded.length > 0, dropped };
}
