import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Events the read model could never write as they were (text PostgreSQL cannot store, say). The
 * audit keeps a sanitised event in its place so the sequence has no gap; the original is kept
 * here, encoded, with the reason, for someone to look at.
 */
export class QuarantinedEvents1764500000000 implements MigrationInterface {
  name = 'QuarantinedEvents1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE quarantined_events (
        commission_id uuid NOT NULL,
        seq integer NOT NULL,
        reason text NOT NULL,
        payload_base64 text NOT NULL,
        quarantined_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (commission_id, seq)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE quarantined_events`);
  }
}
