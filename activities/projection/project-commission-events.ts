import type { Projection } from '@app/contracts';
import type { Logger } from '@app/logging';
import type { DataSource } from 'typeorm';
import { insertEvent, upsertCommission } from './project-commission-event';
import { isPermanentDataError, projectOrQuarantine } from './quarantine';

/**
 * Writes consecutive events of one commission in one transaction: each audit row (and its effects)
 * once, keyed by (commission, seq) as for a single event, and the commission row once, with the
 * last event's summary and view (only the last carries a view: the earlier ones would be
 * overwritten in the same transaction). Answers how many events were new.
 */
export async function projectCommissionEvents(ds: DataSource, batch: readonly Projection[]): Promise<number> {
  const last = batch.at(-1);
  if (!last) return 0;
  return ds.transaction(async (tx) => {
    await upsertCommission(tx, last);
    let written = 0;
    for (const p of batch) if (await insertEvent(tx, p)) written += 1;
    return written;
  });
}

/**
 * The batch in one transaction or, when the database can never store one of its events, each
 * event on its own so that only that one is quarantined (see quarantine.ts).
 */
export async function projectBatchOrQuarantine(
  ds: DataSource,
  batch: readonly Projection[],
  logger: Logger,
  workflowId: string | undefined,
): Promise<number> {
  try {
    return await projectCommissionEvents(ds, batch);
  } catch (err) {
    if (!isPermanentDataError(err)) throw err;
    let written = 0;
    for (const p of batch) if (await projectOrQuarantine(ds, p, logger, workflowId)) written += 1;
    return written;
  }
}
