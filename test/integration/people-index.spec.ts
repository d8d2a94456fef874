import type { QueryRunner } from 'typeorm';
import { PEOPLE_ON, PERSON_IN } from '../../apps/api/src/commissions/commission-read-model';
import { commissionsAtScale, type CommissionsAtScale } from '../support/commissions-at-scale';

/**
 * "My tasks", `mine=true`, `awaiting=me` and a supplier's contracts ask of the read model's
 * `PEOPLE_ON`, which the index `commissions_people_idx` (migration PeopleIndex) indexes. Should the
 * two drift apart, every such request would read every commission.
 */
describe('the people index', () => {
  let fixture: CommissionsAtScale;
  let q: QueryRunner;
  beforeAll(async () => {
    // Each copy names its own officer, member, observer and supplier, numbered as it is.
    fixture = await commissionsAtScale(
      'people',
      `jsonb_build_object(
         'officers', jsonb_build_array(jsonb_build_object('userId', 'officer-' || g)),
         'panel', jsonb_build_array(jsonb_build_object('userId', 'member-' || g)),
         'observers', jsonb_build_array(jsonb_build_object('userId', 'observer-' || g)),
         'signOff', jsonb_build_object('tally', jsonb_build_object(
           'awaiting', jsonb_build_array(jsonb_build_object('userId', 'member-' || g)))),
         'contract', jsonb_build_object('supplier', jsonb_build_object('userId', 'supplier-' || g)))`,
    );
    q = fixture.q;
    // Holds its lock on commissions until the rollback: another spec analysing it waits till then.
    await q.query('ANALYZE commissions');
  });
  afterAll(() => fixture.close());

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
