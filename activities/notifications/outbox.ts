import { isMessage, type NotificationRequest, type RecordingTask } from '@app/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { preparedQuery } from '@app/persistence';
import type { Channel } from './channels';
import type { RenderedNotification } from './render';

/**
 * Records notifications and a pending delivery per channel each, in one statement (one round trip,
 * prepared: it is on the path of every command that notifies); a second call changes nothing.
 *
 * From inside a workflow task (`by`), it also drops what a lost task of the run recorded (see
 * RecordingTask): rows recorded by a task of this run after the last one in history and before
 * this one, or by an earlier attempt of this very task. A task lost with its events retries further
 * along its history; a lost update's task (speculative: nothing of it reaches history) retries at
 * the same length, with a later clock. So a stale attempt still writing never touches a later
 * attempt's rows. No delivery of them was ever scheduled, since only a task in history schedules
 * one. A lost row under one of these keys is recorded over, as this task's (its delivery rows kept,
 * as they were never tried). As a last guard, a row a delivery attempt touched is kept.
 */
export async function recordAllInOutbox(
  ds: DataSource,
  list: readonly { n: NotificationRequest; text: RenderedNotification }[],
  channels: Channel[],
  by?: RecordingTask,
): Promise<{ recorded: string[]; dropped: string[] }> {
  // One statement per commission (a task's are all its own), so the lost rows are found by the
  // commission's index: a generic plan over an array of commissions read the whole table.
  // A key twice in one statement is an error (ON CONFLICT cannot change a row twice): the first
  // of each key is the one recorded, as a second recording of a key always changed nothing.
  const byCommission = new Map<string, Map<string, (typeof list)[number]>>();
  for (const one of list) {
    const ofOne = byCommission.get(one.n.commissionId) ?? new Map();
    if (!ofOne.has(one.n.key)) ofOne.set(one.n.key, one);
    byCommission.set(one.n.commissionId, ofOne);
  }
  const rows: { kind: 'recorded' | 'dropped'; key: string }[] = [];
  for (const [commissionId, ofOne] of byCommission) {
    rows.push(
      ...(await preparedQuery<{ kind: 'recorded' | 'dropped'; key: string }>(ds, RECORD, [
        JSON.stringify([...ofOne.values()].map(({ n, text }) => notificationRow(n, text))),
        by?.runId ?? null,
        by?.historyLength ?? null,
        by?.lastRecordedIn ?? null,
        channels,
        commissionId,
        by?.startedMs ?? null,
      ])),
    );
  }
  const keysOf = (kind: 'recorded' | 'dropped') => rows.filter((r) => r.kind === kind).map((r) => r.key);
  return { recorded: keysOf('recorded'), dropped: keysOf('dropped') };
}

const COLUMNS = `key, commission_id, topic, message, milestone, deadline_version, kind, "offset", due_at,
  scheduled_for, recipients, subject, body, link`;

/**
 * $2 the run, $3 the task, $4 the run's last recording task in history, $7 this attempt's clock.
 * The OFFSET keeps the NOT EXISTS a look-up by key: without it the generic plan of the ON CONFLICT
 * filter hashed every delivery with an attempt.
 */
const LOST_TASK = (row: string) => `${row}.recorded_in_run = $2
  AND (${row}.recorded_in_task > $4 AND ${row}.recorded_in_task < $3
       OR ${row}.recorded_in_task = $3 AND ${row}.recorded_task_started_ms < $7)
  AND NOT EXISTS (SELECT 1 FROM notification_deliveries d
                   WHERE d.notification_key = ${row}.key AND d.attempts > 0 OFFSET 0)`;

/** $1 the notifications (a JSON array of rows), all of commission $6; $5 the channels; $7 as above. */
const RECORD = `WITH input AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(key text, commission_id uuid, topic text,
      message text, milestone text, deadline_version integer, kind text, "offset" text,
      due_at timestamptz, scheduled_for timestamptz, recipients jsonb, subject text, body text, link text)),
  lost AS (
    SELECT n.key FROM notifications n
     WHERE n.commission_id = $6 AND n.key NOT IN (SELECT key FROM input) AND ${LOST_TASK('n')}),
  lost_deliveries AS (DELETE FROM notification_deliveries WHERE notification_key IN (SELECT key FROM lost)),
  dropped AS (DELETE FROM notifications WHERE key IN (SELECT key FROM lost) RETURNING key),
  recorded AS (
    INSERT INTO notifications (${COLUMNS}, recorded_in_run, recorded_in_task, recorded_task_started_ms)
    SELECT ${COLUMNS}, $2, $3, $7::bigint FROM input
    ON CONFLICT (key) DO UPDATE SET (${COLUMNS}, recorded_in_run, recorded_in_task, recorded_task_started_ms,
      recorded_at) =
      (EXCLUDED.key, EXCLUDED.commission_id, EXCLUDED.topic, EXCLUDED.message, EXCLUDED.milestone,
       EXCLUDED.deadline_version, EXCLUDED.kind, EXCLUDED."offset", EXCLUDED.due_at, EXCLUDED.scheduled_for,
       EXCLUDED.recipients, EXCLUDED.subject, EXCLUDED.body, EXCLUDED.link, EXCLUDED.recorded_in_run,
       EXCLUDED.recorded_in_task, EXCLUDED.recorded_task_started_ms, now())
      WHERE ${LOST_TASK('notifications')}
    RETURNING key),
  deliveries AS (
    INSERT INTO notification_deliveries (notification_key, channel)
    SELECT key, channel FROM recorded, unnest($5::text[]) AS channel
    ON CONFLICT DO NOTHING)
  SELECT 'dropped' AS kind, key FROM dropped
  UNION ALL SELECT 'recorded', key FROM recorded`;

/** A notification as the outbox's row, by column name. */
function notificationRow(n: NotificationRequest, text: RenderedNotification) {
  const message = isMessage(n);
  return {
    key: n.key,
    commission_id: n.commissionId,
    topic: message ? 'message' : 'deadline',
    message: message ? n.message : null,
    milestone: message ? null : n.milestone,
    deadline_version: message ? null : n.deadlineVersion,
    kind: message ? 'message' : n.kind,
    offset: message ? null : n.offset,
    due_at: message ? null : n.dueAt,
    scheduled_for: n.scheduledFor,
    recipients: n.recipients,
    subject: text.subject,
    body: text.body,
    link: text.link,
  };
}

/** The row's values in COLUMNS' order, for a statement with a parameter each. */
function notificationValues(n: NotificationRequest, text: RenderedNotification): unknown[] {
  const r = notificationRow(n, text);
  return [
    r.key,
    r.commission_id,
    r.topic,
    r.message,
    r.milestone,
    r.deadline_version,
    r.kind,
    r.offset,
    r.due_at,
    r.scheduled_for,
    JSON.stringify(r.recipients),
    r.subject,
    r.body,
    r.link,
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
    notificationValues(n, text),
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

/**
 * The outbox entries of `keys` with their deliveries, in one prepared statement: a delivery
 * activity carries up to five notifications, and a statement each (two, with the deliveries) was
 * most of the round trips a lifecycle makes to PostgreSQL from the worker.
 */
export async function loadEntries(ds: DataSource, keys: readonly string[]): Promise<OutboxEntry[]> {
  return preparedQuery<OutboxEntry>(ds, LOAD_ENTRIES, [keys]);
}

const LOAD_ENTRIES = `SELECT n.key, n.commission_id AS "commissionId", c.title AS "commissionTitle", n.topic,
       n.message, n.milestone, n.deadline_version AS "deadlineVersion", n.kind, n."offset",
       n.due_at AS "dueAt", n.scheduled_for AS "scheduledFor", n.recipients, n.subject, n.body, n.link,
       COALESCE((SELECT json_agg(json_build_object('channel', d.channel, 'status', d.status,
                                                   'attempts', d.attempts) ORDER BY d.channel)
                   FROM notification_deliveries d WHERE d.notification_key = n.key), '[]') AS deliveries
  FROM notifications n LEFT JOIN commissions c ON c.id = n.commission_id
 WHERE n.key = ANY($1::text[])`;

export type DeliveryOutcome = { sent: true } | { sent: false; error: string; final: boolean };

/** Each attempt's outcome, one statement for a delivery activity's every channel tried. */
export async function markAttempts(
  ds: DataSource,
  attempts: readonly { key: string; channel: Channel; outcome: DeliveryOutcome }[],
): Promise<void> {
  if (attempts.length === 0) return;
  await preparedQuery(ds, MARK_ATTEMPTS, [
    attempts.map((a) => a.key),
    attempts.map((a) => a.channel),
    attempts.map(({ outcome: o }) => (o.sent ? 'sent' : o.final ? 'failed' : 'pending')),
    attempts.map(({ outcome: o }) => (o.sent ? null : o.error)),
  ]);
}

const MARK_ATTEMPTS = `UPDATE notification_deliveries d
    SET attempts = d.attempts + 1,
        last_attempt_at = now(),
        status = o.status,
        sent_at = CASE WHEN o.status = 'sent' THEN now() ELSE d.sent_at END,
        last_error = o.error
   FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS o(key, channel, status, error)
  WHERE d.notification_key = o.key AND d.channel = o.channel AND d.status <> 'sent'`;

/** Marks every channel not yet delivered as failed, when the last attempt never reported back. */
export async function abandonPending(ds: DataSource, key: string, reason: string): Promise<void> {
  await ds.query(
    `UPDATE notification_deliveries SET status = 'failed', last_error = $2, last_attempt_at = now()
      WHERE notification_key = $1 AND status = 'pending'`,
    [key, reason],
  );
}

/** The statements above, for the test that explains their generic plans at scale. */
export const OUTBOX_STATEMENTS = { record: RECORD, loadEntries: LOAD_ENTRIES, markAttempts: MARK_ATTEMPTS };
