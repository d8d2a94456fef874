import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The last timetable verdict of each commission, so the check after each change tells officers and
 * observers only when it worsens (activities/feasibility), once: compared and written in one
 * transaction with the outbox row it adds.
 */
export class TimelineVerdicts1764700000000 implements MigrationInterface {
  name = 'TimelineVerdicts1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE timeline_verdicts (
        commission_id uuid PRIMARY KEY,
        verdict text NOT NULL CHECK (verdict IN ('on-track', 'at-risk', 'infeasible')),
        why text NOT NULL,
        checked_at timestamptz NOT NULL,
        cause text NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE timeline_verdicts`);
  }
}
