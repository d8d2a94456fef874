import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The markdown of each report version the contracted supplier submits, outside the workflow: the
 * API stores it before the workflow hears of it, and the workflow keeps only a receipt (its hash
 * and size), so a 400 kB report never travels through Temporal or swells the commission's state.
 * A row the workflow refused is deleted; one it accepted is kept for as long as the commission.
 */
export class ReportVersions1764750000000 implements MigrationInterface {
  name = 'ReportVersions1764750000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_versions (
        submission_id uuid PRIMARY KEY,
        commission_id uuid NOT NULL,
        kind text NOT NULL,
        author_id text NOT NULL,
        content text NOT NULL,
        content_hash text NOT NULL,
        size integer NOT NULL,
        stored_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX report_versions_commission ON report_versions (commission_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE report_versions`);
  }
}
