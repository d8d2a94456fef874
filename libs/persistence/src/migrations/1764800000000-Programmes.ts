import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Programmes: named groups of commissions, which join one by their programme_id. */
export class Programmes1764800000000 implements MigrationInterface {
  name = 'Programmes1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE programmes (
        id text PRIMARY KEY,
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        created_by jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE programmes`);
  }
}
