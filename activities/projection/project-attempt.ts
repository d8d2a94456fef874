import type { CommissionView, Projection, ProjectionAttempt } from '@app/contracts';
import type { DataSource } from 'typeorm';
import { preparedQuery } from '@app/persistence';
import { isPermanentDataError, quarantinedForm, recordQuarantine } from './quarantine';

export type AttemptOutcome =
  /** `riding`: the riding statement's rows, when it ran with the write. */
  | { applied: true; written: number; replaced: number; riding?: RidingRow[] }
  /** A task that is not the commission's latest wrote late (a lost task, or a timed-out attempt). */
  | { applied: false; reason: string };

/**
 * CTEs to run in the write's own statement and round trip, their parameters numbered after the
 * write's ($1 is the commission's id for both), with nothing recorded where `gate` does not hold
 * (the write was stale). The timetable check rides this way (check-feasibility.ts).
 */
export interface RidingStatement {
  ctes(from: number, gate: string): string;
  /** Its rows, with the columns kind, view and key (RidingRow). */
  select: string;
  params: unknown[];
}

export interface RidingRow {
  kind: string;
  view: CommissionView | null;
  key: string | null;
}

const WRITE_PARAMS = 10;

/**
 * Writes one batch of a commission's events as one workflow task produced it, in one transaction.
 *
 * The task may not be in the workflow's history yet (the projection runs as a local activity, so
 * the command that caused it is answered in the same task). Should it be lost, its retry starts
 * again from the last event in history and may number or time its events differently, so:
 * - a write from a task older than the row's last writer is ignored, and so is an earlier batch of
 *   the same task arriving after a later one;
 * - provisional audit rows from this batch's first event on (left by a lost task) are replaced,
 *   with the rows their events added; rows already final are kept as they are;
 * - provisional rows up to `committedThrough` are in history now, and become final.
 */
export async function projectAttempt(
  ds: DataSource,
  batch: readonly Projection[],
  by: ProjectionAttempt,
  onQuarantine?: (p: Projection, reason: string) => void,
  riding?: RidingStatement,
): Promise<AttemptOutcome> {
  if (batch.length === 0) return { applied: true, written: 0, replaced: 0 };
  if (by.provisional && batch.some((p) => p.effects.some((e) => e.kind === 'bids-opened'))) {
    // Opening the bids releases their keys, which no retry can take back: only from history.
    throw new Error('bids are opened only by a workflow task already in history, never provisionally');
  }
  // One statement (the function in migration ProjectAttemptInOneCall), so one round trip: it is on
  // the path of every command, inside the workflow task that answers it.
  const write = async (events: readonly Projection[], ride?: RidingStatement): Promise<AttemptOutcome> => {
    const first = events[0];
    const last = events[events.length - 1];
    const call = 'project_attempt($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)';
    const rows = await preparedQuery<{ stale: string | null; replaced: number; written: number } & RidingRow>(
      ds,
      ride
        ? `WITH projected AS (SELECT stale, replaced, written FROM ${call}),
             ${ride.ctes(WRITE_PARAMS, '(SELECT stale FROM projected) IS NULL')}
           SELECT 'projected' AS kind, NULL::jsonb AS view, NULL::text AS key, stale, replaced, written
             FROM projected
           UNION ALL SELECT kind, view, key, NULL, NULL, NULL FROM (${ride.select}) AS riding`
        : `SELECT 'projected' AS kind, stale, replaced, written FROM ${call}`,
      [
        first.commissionId,
        first.event.seq,
        last.event.seq,
        by.runStartedMs,
        by.historyLength,
        by.committedThrough,
        by.provisional,
        JSON.stringify(last.summary),
        last.view ? JSON.stringify(last.view) : null,
        JSON.stringify(events.map(({ commissionId, event, effects }) => ({ commissionId, event, effects }))),
        ...(ride?.params ?? []),
      ],
    );
    const done = rows.find((r) => r.kind === 'projected')!;
    if (done.stale) return { applied: false, reason: done.stale };
    const outcome = { applied: true as const, written: done.written, replaced: done.replaced };
    return ride ? { ...outcome, riding: rows.filter((r) => r !== done) } : outcome;
  };
  try {
    return await write(batch, riding);
  } catch (err) {
    if (!isPermanentDataError(err)) throw err;
  }
  // The database can never store something in the batch as it is: each event on its own, and the
  // one that cannot be stored in its quarantined form (see quarantine.ts).
  let written = 0;
  let replaced = 0;
  for (const p of batch) {
    let outcome: AttemptOutcome;
    try {
      outcome = await write([p]);
    } catch (err) {
      if (!isPermanentDataError(err)) throw err;
      const reason = (err as Error).message;
      outcome = await write([quarantinedForm(p, reason)]);
      if (outcome.applied) {
        await recordQuarantine(ds, p, reason);
        onQuarantine?.(p, reason);
      }
    }
    if (!outcome.applied) return outcome;
    written += outcome.written;
    replaced += outcome.replaced;
  }
  return { applied: true, written, replaced };
}
