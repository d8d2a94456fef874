import {
  isWorse,
  planTimeline,
  upstreamGateOf,
  VERDICTS,
  type CalendarSnapshot,
  type CommissionView,
  type MessageNotification,
  type Projection,
  type TimelineSettings,
  type Verdict,
} from '@app/contracts';
import type { NotificationConfig } from '@app/config';
import type { Logger } from '@app/logging';
import type { DataSource } from 'typeorm';
import { channelsFor } from '../notifications/channels';
import { insertIntoOutbox } from '../notifications/outbox';
import { render } from '../notifications/render';
import type { RidingRow, RidingStatement } from '../projection/project-attempt';

export interface FeasibilityDeps {
  dataSource: DataSource;
  logger: Logger;
  notifications: NotificationConfig;
  calendar: CalendarSnapshot;
  settings: TimelineSettings;
  /** Delivers an outbox entry now (the notification activity's own delivery). */
  deliver(key: string): Promise<void>;
}

const MESSAGE = 'timeline-worsened' as const;

/**
 * The check that runs after every projected change: plan the commission's timetable as of the
 * change, and when its verdict is worse than the one stored (on-track → at-risk → infeasible),
 * tell its officers and observers through the outbox. The comparison, the new verdict and the
 * outbox row commit in one transaction, with the row locked, so a retried activity or a second
 * worker tells nobody twice. Then the commissions that depend on this one are checked again: their
 * tender waits on its report, so its slipping is theirs.
 */
export async function checkFeasibility(deps: FeasibilityDeps, p: Projection): Promise<void> {
  await (await prepareCheck(deps, p))?.run();
}

/**
 * The check of one projected change, planned: its statement rides in the projection's write, so
 * both share one round trip (activities/index.ts), or runs on its own.
 */
export interface PreparedCheck extends RidingStatement {
  /** What follows the statement: a worse verdict's transaction, the dependents, the deliveries. */
  finish(found: readonly RidingRow[]): Promise<void>;
  /** The statement on its own, then `finish`. */
  run(): Promise<void>;
}

/**
 * The check's statement: this commission's verdict recorded when no worse, the commissions that
 * depend on this one (through their partial index, migration CheckIndexes), and the timeline
 * notices of either that an earlier check recorded but could not deliver. Those are looked for
 * among these commissions' own notifications: starting from the pending deliveries instead read
 * those of every commission, 15 ms a command once 2,000 were backed up (a channel down).
 * Parameters after `from`: verdict, why, checked at, cause, VERDICTS, the message.
 */
export const CHECK_STATEMENT: Pick<RidingStatement, 'ctes' | 'select'> = {
  ctes: (from, gate) => {
    const $ = (i: number) => `$${from + i}`;
    return `recorded AS (${recordNoWorse('$1', $(1), $(2), $(3), $(4), $(5), gate)}),
       dependents AS (
         SELECT id, view FROM commissions
          WHERE view->'dependsOn'->>'commissionId' = $1::text
            AND stage NOT IN ('completed', 'cancelled')),
       pending AS (
         SELECT n.key
           FROM (SELECT $1::text::uuid AS id UNION SELECT id FROM dependents) AS c
           JOIN notifications n ON n.commission_id = c.id
          WHERE n.message = ${$(6)}
            -- OFFSET 0: looked up per notification, never joined from the pending deliveries.
            AND EXISTS (SELECT 1 FROM notification_deliveries d
                         WHERE d.notification_key = n.key AND d.status = 'pending' OFFSET 0))`;
  },
  select: `SELECT 'recorded' AS kind, NULL::jsonb AS view, NULL::text AS key FROM recorded
       UNION ALL SELECT 'dependent', view, NULL FROM dependents
       UNION ALL SELECT 'pending', NULL, key FROM pending`,
};

/**
 * Plans the commission's timetable as of the change; null when the change carries no view, or
 * when the plan cannot be made (logged: a date beyond the calendar's years, say).
 */
export async function prepareCheck(deps: FeasibilityDeps, p: Projection): Promise<PreparedCheck | null> {
  if (!p.view) return null;
  const view = p.view;
  const at = p.event.at;
  let plan: Planned | null;
  try {
    plan = await planOf(deps, view, at, null);
  } catch (err) {
    checkFailed(deps, p, err);
    return null;
  }
  const cause = `v${p.event.seq}`;
  const prepared: PreparedCheck = {
    ctes: CHECK_STATEMENT.ctes,
    select: CHECK_STATEMENT.select,
    params: [plan?.verdict ?? null, plan?.why ?? null, at, cause, VERDICTS, MESSAGE],
    async run() {
      let found: RidingRow[];
      try {
        found = await deps.dataSource.query(`WITH ${this.ctes(1, 'TRUE')} ${this.select}`, [
          p.commissionId,
          ...this.params,
        ]);
      } catch (err) {
        checkFailed(deps, p, err);
        return;
      }
      await this.finish(found);
    },
    finish: async (found) => {
      try {
        const told: (string | null)[] = [];
        if (plan && !found.some((f) => f.kind === 'recorded')) {
          told.push(await recordWorse(deps, view, plan, at, cause));
        }
        for (const { kind, view: dependent } of found) {
          if (kind !== 'dependent' || !dependent) continue;
          told.push(await recheck(deps, dependent, at, `upstream-${p.commissionId}-${cause}`, view));
        }
        // Deliver what was told now, and anything an earlier check left pending.
        const keys = new Set([...told, ...found.map((f) => f.key)].filter((k): k is string => k !== null));
        for (const key of keys) {
          await deps
            .deliver(key)
            .catch((err: Error) =>
              deps.logger.warn(
                { key, err: err.message },
                'timeline notice not delivered yet; the next check retries',
              ),
            );
        }
        if (told.some(Boolean))
          deps.logger.info({ commissionId: p.commissionId }, 'timeline verdict worsened');
      } catch (err) {
        checkFailed(deps, p, err);
      }
    },
  };
  return prepared;
}

/** A check that cannot run must not stall the read model: logged, and the next change checks again. */
function checkFailed(deps: FeasibilityDeps, p: Projection, err: unknown): void {
  deps.logger.error({ commissionId: p.commissionId, err: (err as Error).message }, 'timeline check failed');
}

/**
 * Records a verdict that is no worse than the stored one, compared with the stored row under its
 * lock, in one statement. Its arguments are SQL placeholders (commission, verdict, why, checked at,
 * cause, VERDICTS best first) and a gate, SQL that must hold. A first check that is on-track counts
 * as no worse. Returns a row when recorded; otherwise (worse, or a later check already stored) the
 * caller takes the transaction.
 */
function recordNoWorse(
  id: string,
  verdict: string,
  why: string,
  at: string,
  cause: string,
  verdicts: string,
  gate = 'TRUE',
): string {
  return `
  INSERT INTO timeline_verdicts AS t (commission_id, verdict, why, checked_at, cause)
  SELECT ${id}::text::uuid, ${verdict}::text, ${why}::text, ${at}::timestamptz, ${cause}::text
   WHERE (${gate}) AND ${verdict}::text IS NOT NULL
     AND (${verdict}::text = (${verdicts}::text[])[1]
          OR EXISTS (SELECT 1 FROM timeline_verdicts WHERE commission_id = ${id}::text::uuid))
  ON CONFLICT (commission_id) DO UPDATE
     SET verdict = EXCLUDED.verdict, why = EXCLUDED.why, checked_at = EXCLUDED.checked_at,
         cause = EXCLUDED.cause
   WHERE t.checked_at <= EXCLUDED.checked_at
     AND array_position(${verdicts}::text[], EXCLUDED.verdict) <= array_position(${verdicts}::text[], t.verdict)
  RETURNING t.commission_id`;
}

const RECORD_NO_WORSE = recordNoWorse('$1', '$2', '$3', '$4', '$5', '$6');

interface Planned {
  verdict: Verdict;
  why: string;
}

/** The commission's timetable verdict as of `at`; null when it has none to give. */
async function planOf(
  deps: FeasibilityDeps,
  view: CommissionView,
  at: string,
  upstreamView: CommissionView | null,
): Promise<Planned | null> {
  const upstream = view.dependsOn
    ? (upstreamView ??
      ((
        await deps.dataSource.query(`SELECT view FROM commissions WHERE id = $1`, [
          view.dependsOn.commissionId,
        ])
      )[0]?.view as CommissionView | undefined) ??
      null)
    : null;
  const plan = planTimeline(view, {
    at,
    calendar: deps.calendar,
    settings: deps.settings,
    upstream: upstreamGateOf(view, upstream),
  });
  return plan.verdict === null ? null : { verdict: plan.verdict, why: plan.why };
}

/** Plans one commission and records its verdict; answers the notice's key when people were told. */
async function recheck(
  deps: FeasibilityDeps,
  view: CommissionView,
  at: string,
  cause: string,
  upstreamView: CommissionView | null,
): Promise<string | null> {
  const plan = await planOf(deps, view, at, upstreamView);
  if (!plan) return null;
  const recorded: unknown[] = await deps.dataSource.query(RECORD_NO_WORSE, [
    view.id,
    plan.verdict,
    plan.why,
    at,
    cause,
    VERDICTS,
  ]);
  return recorded.length > 0 ? null : recordWorse(deps, view, plan, at, cause);
}

/**
 * The verdict compared and written with the outbox row that tells of its worsening, in one
 * transaction with the row locked, so a retried activity or a second worker tells nobody twice.
 */
async function recordWorse(
  deps: FeasibilityDeps,
  view: CommissionView,
  { verdict, why }: Planned,
  at: string,
  cause: string,
): Promise<string | null> {
  return deps.dataSource.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO timeline_verdicts (commission_id, verdict, why, checked_at, cause)
       VALUES ($1, 'on-track', '', $2, 'first check') ON CONFLICT DO NOTHING`,
      [view.id, at],
    );
    const [row]: { verdict: Verdict; checked_at: Date }[] = await tx.query(
      `SELECT verdict, checked_at FROM timeline_verdicts WHERE commission_id = $1 FOR UPDATE`,
      [view.id],
    );
    // A late retry of an older change must not undo a newer verdict.
    if (row.checked_at.getTime() > Date.parse(at)) return null;
    await tx.query(
      `UPDATE timeline_verdicts SET verdict = $2, why = $3, checked_at = $4, cause = $5 WHERE commission_id = $1`,
      [view.id, verdict, why, at, cause],
    );
    if (!isWorse(verdict, row.verdict)) return null;
    const seen = new Set<string>();
    const n: MessageNotification = {
      topic: 'message',
      key: `${view.id}:${MESSAGE}:${cause}:${verdict}`,
      commissionId: view.id,
      commissionTitle: view.title,
      scheduledFor: at,
      message: MESSAGE,
      facts: { from: row.verdict, to: verdict, why },
      recipients: [...view.officers, ...view.observers]
        .filter((x) => !seen.has(x.userId) && seen.add(x.userId))
        .map(({ userId, name, email }) => ({ userId, name, email })),
    };
    const added = await insertIntoOutbox(
      tx,
      n,
      render(n, deps.notifications.publicBaseUrl),
      channelsFor(deps.notifications),
    );
    return added ? n.key : null;
  });
}
