import type { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationOutbox1764200000000 implements MigrationInterface {
  name = 'NotificationOutbox1764200000000';

  async up(q: QueryRunner): Promise<void> {
    // One row per reminder or escalation, keyed by commission, milestone, deadline version and
    // offset: recording it again (a retried activity, a replayed workflow) is a no-op.
    await q.query(`
      CREATE TABLE notifications (
        key text PRIMARY KEY,
        commission_id uuid NOT NULL,
        milestone text NOT NULL,
        deadline_version integer NOT NULL,
        kind text NOT NULL,
        "offset" text NOT NULL,
        due_at timestamptz NOT NULL,
        scheduled_for timestamptz NOT NULL,
        recipients jsonb NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        link text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT notifications_natural_key UNIQUE (commission_id, milestone, deadline_version, "offset")
      )`);
    await q.query(
      `CREATE INDEX notifications_commission_idx ON notifications (commission_id, scheduled_for)`,
    );
    await q.query(`
      CREATE TABLE notification_deliveries (
        notification_key text NOT NULL REFERENCES notifications(key),
        channel text NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        attempts integer NOT NULL DEFAULT 0,
        last_error text NULL,
        last_attempt_at timestamptz NULL,
        sent_at timestamptz NULL,
        PRIMARY KEY (notification_key, channel),
        CONSTRAINT notification_deliveries_status CHECK (status IN ('pending', 'sent', 'failed'))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_deliveries`);
    await q.query(`DROP TABLE notifications`);
  }
}
