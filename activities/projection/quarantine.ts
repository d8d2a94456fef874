import type { Projection } from '@app/contracts';
import type { Logger } from '@app/logging';
import type { DataSource } from 'typeorm';
import { projectCommissionEvent } from './project-commission-event';

/**
 * PostgreSQL's data exceptions (SQLSTATE class 22: untranslatable characters, invalid escapes in
 * jsonb, values out of range): retrying such a write can never succeed.
 */
export function isPermanentDataError(err: unknown): boolean {
  const code =
    (err as { code?: unknown; driverError?: { code?: unknown } })?.code ??
    (err as { driverError?: { code?: unknown } })?.driverError?.code;
  return typeof code === 'string' && code.startsWith('22');
}

// eslint-disable-next-line no-control-regex -- NUL is exactly what PostgreSQL cannot store
const UNSTORABLE = /[\p{Cs}\u0000]/gu;

/** The same value with every character PostgreSQL cannot store replaced by U+FFFD. */
export function sanitised<T>(value: T): T {
  if (typeof value === 'string') return value.replace(UNSTORABLE, '\uFFFD') as T;
  if (Array.isArray(value)) return value.map(sanitised) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [sanitised(k), sanitised(v)])) as T;
  }
  return value;
}

/** The event as it can be stored: sanitised, marked as quarantined, without its extra rows (effects). */
export function quarantinedForm(p: Projection, reason: string): Projection {
  const clean = sanitised(p);
  return {
    ...clean,
    event: { ...clean.event, detail: { ...clean.event.detail, quarantined: true, quarantineReason: reason } },
    effects: [],
  };
}

/** Keeps the original of a quarantined event, encoded, with the reason. */
export async function recordQuarantine(ds: DataSource, p: Projection, reason: string): Promise<void> {
  await ds.query(
    `INSERT INTO quarantined_events (commission_id, seq, reason, payload_base64)
     VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
    [
      p.commissionId,
      p.event.seq,
      sanitised(reason),
      Buffer.from(JSON.stringify(p), 'utf8').toString('base64'),
    ],
  );
}

/**
 * Writes an event that can never be written as it is: its sanitised form (so the audit sequence,
 * the commission row and its view move on, consistent with the workflow), marked as quarantined,
 * and the original, encoded, with the reason. Its extra rows (effects) are left out.
 */
export async function quarantineEvent(ds: DataSource, p: Projection, reason: string): Promise<void> {
  await projectCommissionEvent(ds, quarantinedForm(p, reason));
  await recordQuarantine(ds, p, reason);
}

/**
 * Projects an event, or quarantines it when the database can never store it: retrying for ever
 * would stall every later event of the commission. Answers whether anything new was written.
 */
export async function projectOrQuarantine(
  ds: DataSource,
  p: Projection,
  logger: Logger,
  workflowId: string | undefined,
): Promise<boolean> {
  try {
    return await projectCommissionEvent(ds, p);
  } catch (err) {
    if (!isPermanentDataError(err)) throw err;
    const reason = (err as Error).message;
    await quarantineEvent(ds, p, reason);
    logQuarantine(logger, workflowId)(p, reason);
    return true;
  }
}

/** Says, once per event, that it was quarantined and why. */
export function logQuarantine(logger: Logger, workflowId: string | undefined) {
  return (p: Projection, reason: string): void =>
    logger.error(
      { workflowId, seq: p.event.seq, action: p.event.action, reason },
      'event quarantined: the read model cannot store it as it is',
    );
}
