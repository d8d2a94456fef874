import { isMessage, type NotificationRequest, type RecordingTask } from '@app/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { preparedQuery } from '../projection/prepared-query';
import type { Channel } from './channels';
import type { RenderedNotification } from './render';

/**
 * Records a notification and a pending delivery per channel, in one statement (one round trip,
 * prepared: it is on the path of every command that notifies); a second call changes nothing.
 *
 * From inside a workflow task (`by`), it also drops what a lost task of the run recorded (see
 * RecordingTask): rows recorded by a task of this run after the last one in history and before
 * this one (a retry always starts further along its history than the attempts it replaces, so a
 * stale attempt still writing never touches a later task's rows). No delivery of them was ever
 * scheduled, since only a task in history schedules one. A lost row under this notification's own
 * key is recorded over, as this task's. As a last guard, a row a delivery attempt touched is kept.
 */
export async function recordInOutbox(
  ds: DataSource,
  n: NotificationRequest,
  text: RenderedNotification,
  channels: Channel[],
  by?: RecordingTask,
): Promise<{ recorded: boolean; dropped: string[] }> {
  const rows = await preparedQuery<{ kind: 'recorded' | 'dropped'; key: string }>(ds, RECORD, [
    ...notificationColumns(n, text),
    by?.runId ?? null,
    by?.historyLength ?? null,
    by?.lastRecordedIn ?? null,
    channels,
  ]);
  return {
    recorded: rows.some((r) => r.kind === 'recorded'),
    dropped: rows.filter((r) => r.kind === 'dropped').map((r) => r.key),
  };
}

const COLUMNS = `key, commission_id, topic, message, milestone, deadline_version, kind, "offset", due_at,
  scheduled_for, recipients, subject, body, link`;

/** $15 the run, $16 the task, $17 the run's last recording task in history, $18 the channels. */
const LOST_TASK = (row: string) => `${row}.recorded_in_run = $15
  AND ${row}.recorded_in_task > $17 AND ${row}.recorded_in_task < $16
  AND NOT EXISTS (SELECT 1 FROM notification_deliveries d WHERE d.notification_key = ${row}.key AND d.attempts > 0)`;

const RECORD = `WITH lost AS (
    SELECT n.key FROM notifications n WHERE n.commission_id = $2 AND n.key <> $1 AND ${LOST_TASK('n')}),
  lost_deliveries AS (DELETE FROM notification_deliveries WHERE notification_key IN (SELECT key FROM lost)),
  dropped AS (DELETE FROM notifications WHERE key IN (SELECT key FROM lost) RETURNING key),
  recorded AS (
    INSERT INTO notifications (${COLUMNS}, recorded_in_run, recorded_in_task)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
    ON CONFLICT (key) DO UPDATE SET (${COLUMNS}, recorded_in_run, recorded_in_task, recorded_at) =
      (EXCLUDED.key, EXCLUDED.commission_id, EXCLUDED.topic, EXCLUDED.message, EXCLUDED.milestone,
       EXCLUDED.deadline_version, EXCLUDED.kind, EXCLUDED."offset", EXCLUDED.due_at, EXCLUDED.scheduled_for,
       EXCLUDED.recipients, EXCLUDED.subject, EXCLUDED.body, EXCLUDED.link, EXCLUDED.recorded_in_run,
       EXCLUDED.recorded_in_task, now())
      WHERE ${LOST_TASK('notifications')}
    RETURNING key),
  deliveries AS (
    INSERT INTO notification_deliveries (notification_key, channel)
    SELECT key, channel FROM recorded, unnest($18::text[]) AS channel
    ON CONFLICT DO NOTHING)
  SELECT 'dropped' AS kind, key FROM dropped
  UNION ALL SELECT 'recorded', key FROM recorded`;

function notificationColumns(n: NotificationRequest, text: RenderedNotification): unknown[] {
  return [
    n.key,
    n.commissionId,
    isMessage(n) ? 'message' : 'deadline',
    isMessage(n) ? n.message : null,
    isMessage(n) ? null : n.milestone,
    isMessage(n) ? null : n.deadlineVersion,
    isMessage(n) ? 'message' : n.kind,
    isMessage(n) ? null : n.offset,
    isMessage(n) ? null : n.dueAt,
    n.scheduledFor,
    JSON.stringify(n.recipients),
    text.subject,
    text.body,
    text.link,
  ];
}

/** The same inside a transaction the caller holds, so an outbox row can commit with other writes. */
export async function insertIntoOutbox(
  tx: EntityManager,
  n: NotificationRequest,
  text: RenderedNotification,
  channels: Channel[],
): Promise<boolean> {
  const inserted: unknown[] = await tx.query(
    `INSERT INTO notifications (${COLUMNS})
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
     ON CONFLICT DO NOTHING RETURNING key`,
    notificationColumns(n, text),
  );
  if (inserted.length === 0) return false;
  for (const channel of channels) {
    await tx.query(
      `INSERT INTO notification_deliveries (notification_key, channel) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [n.key, channel],
    );
  }
  return true;
}

export interface OutboxEntry {
  key: string;
  commissionId: string;
  /** From the read model; null only if the commission's row is not there. */
  commissionTitle: string | null;
  topic: 'deadline' | 'message';
  message: string | null;
  milestone: string | null;
  deadlineVersion: number | null;
  kind: string;
  offset: string | null;
  dueAt: Date | null;
  scheduledFor: Date;
  recipients: { userId: string; name: string; email: string }[];
  subject: string;
  body: string;
  link: string;
  deliveries: { channel: Channel; status: 'pending' | 'sent' | 'failed'; attempts: number }[];
}

export async function loadEntry(ds: DataSource, key: string): Promise<OutboxEntry | null> {
  const [row] = await ds.query(
    `SELECT n.key, n.commission_id AS "commissionId", c.title AS "commissionTitle", n.topic, n.message,
            n.milestone, n.deadline_version AS "deadlineVersion", n.kind, n."offset", n.due_at AS "dueAt",
            n.scheduled_for AS "scheduledFor", n.recipients, n.subject, n.body, n.link
       FROM notifications n LEFT JOIN commissions c ON c.id = n.commission_id
      WHERE n.key = $1`,
    [key],
  );
  if (!row) return null;
  const deliveries = await ds.query(
    `SELECT channel, status, attempts FROM notification_deliveries WHERE notification_key = $1 ORDER BY channel`,
    [key],
  );
  return { ...row, deliveries };
}

export async function markAttempt(
  ds: DataSource,
  key: string,
  channel: Channel,
  outcome: { sent: true } | { sent: false; error: string; final: boolean },
): Promise<void> {
  await ds.query(
    `UPDATE notification_deliveries
        SET attempts = attempts + 1,
            last_attempt_at = now(),
            status = $3,
            sent_at = CASE WHEN $3 = 'sent' THEN now() ELSE sent_at END,
            last_error = $4
      WHERE notification_key = $1 AND channel = $2 AND status <> 'sent'`,
    [
      key,
      channel,
      outcome.sent ? 'sent' : outcome.final ? 'failed' : 'pending',
      outcome.sent ? null : outcome.error,
    ],
  );
}

/** Marks every channel not yet delivered as failed, when the last attempt never reported back. */
export async function abandonPending(ds: DataSource, key: string, reason: string): Promise<void> {
  await ds.query(
    `UPDATE notification_deliveries SET status = 'failed', last_error = $2, last_attempt_at = now()
      WHERE notification_key = $1 AND status = 'pending'`,
    [key, reason],
  );
}
