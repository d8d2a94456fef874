import type { MigrationInterface, QueryRunner } from 'typeorm';

/** "My tasks" and `mine=true` find a person's commissions by containment in the stored view. */
export class MembershipIndex1764400000000 implements MigrationInterface {
  name = 'MembershipIndex1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX commissions_view_idx ON commissions USING gin (view jsonb_path_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX commissions_view_idx`);
  }
}
