import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "My tasks", `mine=true`, `awaiting=me` and a supplier's contracts look for a person in five places
 * of the stored view. The index of the whole view took an entry for every value in it, some 400 for
 * a commission through its award (a 12.7 KB view), again at every update (none is HOT: the view is
 * indexed); this one indexes those five places only, as one document, `commission_people(view)`,
 * which the read model asks of (`PEOPLE_ON` in apps/api/src/commissions/commission-read-model.ts;
 * test/integration/people-index.spec.ts). Changing the function later takes a migration that
 * rebuilds the index with it.
 */
export class PeopleIndex1765600000000 implements MigrationInterface {
  name = 'PeopleIndex1765600000000';

  async up(q: QueryRunner): Promise<void> {
    // Immutable (an index needs it): jsonb_build_object is only stable, for arguments whose text
    // could depend on settings, which jsonb values never do.
    await q.query(
      `CREATE FUNCTION commission_people(view jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE PARALLEL SAFE
         AS $$ SELECT jsonb_build_object(
           'officers', view->'officers', 'panel', view->'panel', 'observers', view->'observers',
           'awaiting', view->'signOff'->'tally'->'awaiting', 'supplier', view->'contract'->'supplier') $$`,
    );
    await q.query(
      `CREATE INDEX commissions_people_idx ON commissions USING gin (commission_people(view) jsonb_path_ops)`,
    );
    await q.query(`DROP INDEX commissions_view_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX commissions_view_idx ON commissions USING gin (view jsonb_path_ops)`);
    await q.query(`DROP INDEX commissions_people_idx`);
    await q.query(`DROP FUNCTION commission_people(jsonb)`);
  }
}
