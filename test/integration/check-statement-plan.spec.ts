import type { QueryRunner } from 'typeorm';
import { VERDICTS } from '@app/contracts';
import { CHECK_STATEMENT } from '../../activities/feasibility/check-feasibility';
import { OUTBOX_STATEMENTS } from '../../activities/notifications/outbox';
import { commissionsAtScale, type CommissionsAtScale } from '../support/commissions-at-scale';

/**
 * The timetable check rides in every command's projection statement, prepared once a connection
 * and planned once (a generic plan): at thousands of commissions and notifications its look-ups
 * must still go through their indexes, never a read of every row. So must the outbox's statements,
 * on the path of every command that notifies.
 */
describe("the timetable check's statement at scale", () => {
  let fixture: CommissionsAtScale;
  let q: QueryRunner;
  /** A real commission, copied 5,000 times; each copy has three notifications, all sent. */
  let id: string;
  beforeAll(async () => {
    fixture = await commissionsAtScale('plan', `jsonb_build_object('id', g, 'officers', '[]'::jsonb)`);
    ({ q, id } = fixture);
    await q.query(
      `INSERT INTO notifications (key, commission_id, milestone, deadline_version, kind, "offset", due_at,
         scheduled_for, recipients, subject, body, link, topic)
       SELECT 'plan-' || c.id || '-' || o, c.id, 'sign-off', 1, 'reminder', 'PT' || o || 'H', now(), now(),
              '[]', 's', 'b', 'l', 'deadline'
         FROM commissions c, generate_series(1, 3) o WHERE c.workflow_id LIKE 'plan-%'`,
    );
    await q.query(
      `INSERT INTO notification_deliveries (notification_key, channel, status)
       SELECT key, 'email', 'sent' FROM notifications WHERE key LIKE 'plan-%'`,
    );
    await q.query('ANALYZE commissions, notifications, notification_deliveries');
    await q.query('SET LOCAL plan_cache_mode = force_generic_plan');
  });
  afterAll(() => fixture.close());

  it('finds dependents and undelivered notices through their partial indexes in the generic plan', async () => {
    const plan = await genericPlan(
      'check_at_scale',
      'text, text, text, timestamptz, text, text[], text',
      `WITH ${CHECK_STATEMENT.ctes(1, 'TRUE')} ${CHECK_STATEMENT.select}`,
      // Literals: a uuid and the fixed verdict names.
      `'${id}', 'on-track', '', now(), 'v1', ARRAY[${VERDICTS.map((v) => `'${v}'`).join(', ')}], 'timeline-worsened'`,
    );

    expect(plan).toContain('commissions_depends_on_idx');
    expect(plan).toContain('notification_deliveries_pending_idx');
    expect(plan).not.toMatch(/Seq Scan on (commissions|notification_deliveries|notifications)\b/);
  });

  it("reads only this commission's notifications when thousands of deliveries are backed up", async () => {
    // Undone at the end, so the tests after this one see the fixture as it was.
    await q.query('SAVEPOINT backlog');
    // A channel down: every copy's deliveries still pending, the statistics as they were (a
    // database that has not analysed since) and then analysed.
    await q.query(
      `UPDATE notification_deliveries SET status = 'pending' WHERE notification_key LIKE 'plan-%'`,
    );
    for (const analysed of [false, true]) {
      if (analysed) await q.query('ANALYZE notification_deliveries');
      const name = `check_backlog_${analysed ? 'analysed' : 'stale'}`;
      await q.query(
        `PREPARE ${name}(text, text, text, timestamptz, text, text[], text) AS
           WITH ${CHECK_STATEMENT.ctes(1, 'TRUE')} ${CHECK_STATEMENT.select}`,
      );
      const [{ 'QUERY PLAN': plan }] = await q.query(
        `EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE ${name}('${id}', 'on-track', '', now(), 'v1',
           ARRAY[${VERDICTS.map((v) => `'${v}'`).join(', ')}], 'timeline-worsened')`,
      );
      await q.query(`DEALLOCATE ${name}`);
      // 15,000 deliveries are pending; this commission has a handful of notifications.
      expect(mostRows(plan[0].Plan)).toBeLessThan(100);
      expect(nodeTypes(plan[0].Plan)).not.toContain('Seq Scan');
    }

    // What it finds in the backlog: the undelivered notices of this commission and of the one
    // that depends on it, not another commission's.
    const [dependent, other] = await q.query(
      `SELECT id FROM commissions WHERE workflow_id LIKE 'plan-%' ORDER BY workflow_id LIMIT 2`,
    );
    await q.query(
      `UPDATE commissions SET view = view || jsonb_build_object('dependsOn', jsonb_build_object('commissionId', $1::text))
        WHERE id = $2`,
      [id, dependent.id],
    );
    for (const [key, commission] of [
      ['notice-mine', id],
      ['notice-dependent', dependent.id],
      ['notice-other', other.id],
    ]) {
      await q.query(
        `INSERT INTO notifications (key, commission_id, milestone, deadline_version, kind, "offset", due_at,
           scheduled_for, recipients, subject, body, link, topic, message)
         VALUES ($1, $2, 'timeline', 1, 'message', 'timeline', now(), now(), '[]', 's', 'b', 'l', 'message',
           'timeline-worsened')`,
        [key, commission],
      );
      await q.query(
        `INSERT INTO notification_deliveries (notification_key, channel, status) VALUES ($1, 'email', 'pending')`,
        [key],
      );
    }
    const found: { kind: string; key: string | null }[] = await q.query(
      `WITH ${CHECK_STATEMENT.ctes(1, 'TRUE')} ${CHECK_STATEMENT.select}`,
      [id, 'on-track', '', new Date(), 'v1', [...VERDICTS], 'timeline-worsened'],
    );
    expect(
      found
        .filter((f) => f.kind === 'pending')
        .map((f) => f.key)
        .sort(),
    ).toEqual(['notice-dependent', 'notice-mine']);
    await q.query('ROLLBACK TO SAVEPOINT backlog');
  });

  /** The generic plan of a statement, its parameters given as literals (EXPLAIN EXECUTE binds none). */
  async function genericPlan(name: string, types: string, text: string, literals: string): Promise<string> {
    await q.query(`PREPARE ${name}(${types}) AS ${text}`);
    const plan = (await q.query(`EXPLAIN EXECUTE ${name}(${literals})`))
      .map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN'])
      .join('\n');
    await q.query(`DEALLOCATE ${name}`);
    return plan;
  }

  it("reads the outbox by key and by commission in the generic plans of the worker's statements", async () => {
    const key = `'plan-${id}-1'`;
    const rows = JSON.stringify([
      { key: 'plan-new', commission_id: id, topic: 'message', scheduled_for: 'now' },
    ]);
    const plans = [
      await genericPlan(
        'record_at_scale',
        'jsonb, text, int, int, text[], uuid, bigint',
        OUTBOX_STATEMENTS.record,
        `'${rows}', 'run', 20, 10, ARRAY['email'], '${id}', 1795000000000`,
      ),
      await genericPlan('load_at_scale', 'text[]', OUTBOX_STATEMENTS.loadEntries, `ARRAY[${key}]`),
      await genericPlan(
        'mark_at_scale',
        'text[], text[], text[], text[]',
        OUTBOX_STATEMENTS.markAttempts,
        `ARRAY[${key}], ARRAY['email'], ARRAY['sent'], ARRAY[NULL]`,
      ),
    ];
    for (const plan of plans) {
      expect(plan).toMatch(/Index (Only )?Scan|Bitmap Index Scan/);
      expect(plan).not.toMatch(/Seq Scan on (commissions|notification_deliveries|notifications)\b/);
    }
  });
});

interface PlanNode {
  'Node Type': string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
}

/**
 * The most rows any node of an analysed plan read over all its loops: those it returned and those
 * its filters dropped (EXPLAIN gives both per loop).
 */
function mostRows(node: PlanNode): number {
  const perLoop =
    node['Actual Rows'] +
    (node['Rows Removed by Filter'] ?? 0) +
    (node['Rows Removed by Index Recheck'] ?? 0);
  return Math.max(perLoop * node['Actual Loops'], ...(node.Plans ?? []).map(mostRows));
}

function nodeTypes(node: PlanNode): string[] {
  return [node['Node Type'], ...(node.Plans ?? []).flatMap(nodeTypes)];
}
