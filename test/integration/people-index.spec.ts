import { randomUUID } from 'node:crypto';
import type { DataSource, QueryRunner } from 'typeorm';
import { PEOPLE_ON, PERSON_IN } from '../../apps/api/src/commissions/commission-read-model';
import { projectAttempt } from '../../activities/projection/project-attempt';
import { sampleProjection } from '../support/projections';
import { openDataSource, testConfig } from '../support/temporal';

/**
 * "My tasks", `mine=true`, `awaiting=me` and a supplier's contracts ask of the read model's
 * `PEOPLE_ON`, which the index `commissions_people_idx` (migration PeopleIndex) indexes. Should the
 * two drift apart, every such request would read every commission.
 */
describe('the people index', () => {
  let ds: DataSource;
  let q: QueryRunner;
  let id: string;
  beforeAll(async () => {
    ds = await openDataSource(testConfig());
    q = ds.createQueryRunner();
    await q.connect();
    // Rolled back at the end: the copies exist only to give the planner a real size.
    await q.startTransaction();
    id = randomUUID();
    await projectAttempt(ds, [sampleProjection(id, 1, new Date().toISOString())], {
      runStartedMs: Date.now(),
      historyLength: 3,
      committedThrough: 0,
      provisional: false,
    });
    await q.query(
      `INSERT INTO commissions (id, workflow_id, title, description, programme_id, regime, stage, version,
         specification_version, key_dates, created_at, updated_at, view)
       SELECT gen_random_uuid(), 'people-' || g || '-' || c.id, c.title, c.description, c.programme_id, c.regime,
              c.stage, c.version, c.specification_version, c.key_dates, c.created_at, c.updated_at,
              jsonb_build_object(
                'officers', jsonb_build_array(jsonb_build_object('userId', 'officer-' || g)),
                'panel', jsonb_build_array(jsonb_build_object('userId', 'member-' || g)),
                'observers', jsonb_build_array(jsonb_build_object('userId', 'observer-' || g)),
                'signOff', jsonb_build_object('tally', jsonb_build_object(
                  'awaiting', jsonb_build_array(jsonb_build_object('userId', 'member-' || g)))),
                'contract', jsonb_build_object('supplier', jsonb_build_object('userId', 'supplier-' || g)))
         FROM commissions c, generate_series(1, 5000) g WHERE c.id = $1`,
      [id],
    );
    await q.query('ANALYZE commissions');
  });
  afterAll(async () => {
    await q.rollbackTransaction();
    await q.release();
    await ds.destroy();
  });

  // ANALYZE holds its lock on commissions until the rollback: a spec doing the same waits for it.
  const ask = async (document: string) => {
    const where = `${PEOPLE_ON} @> $1::jsonb`;
    const plan = (await q.query(`EXPLAIN SELECT c.id FROM commissions c WHERE ${where}`, [document]))
      .map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN'])
      .join('\n');
    const found = (await q.query(`SELECT c.workflow_id FROM commissions c WHERE ${where}`, [document])).map(
      (r: { workflow_id: string }) => r.workflow_id.split('-').slice(0, 2).join('-'),
    );
    return { plan, found };
  };

  // The documents the read model itself asks with.
  it.each([
    ['an officer', PERSON_IN.officers('officer-17')],
    ['a panel member', PERSON_IN.panel('member-17')],
    ['an observer', PERSON_IN.observers('observer-17')],
    ['a member whose sign-off is awaited', PERSON_IN.awaiting('member-17')],
    ["a contract's supplier", PERSON_IN.supplier('supplier-17')],
  ])('finds %s through the index, and only their commission', async (_who, document) => {
    const { plan, found } = await ask(document);
    expect(plan).toContain('commissions_people_idx');
    expect(plan).not.toContain('Seq Scan on commissions');
    expect(found).toEqual(['people-17']);
  });
});
