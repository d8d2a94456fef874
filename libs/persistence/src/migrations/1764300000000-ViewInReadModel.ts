import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every read answers from the read model: the whole view is kept with each commission, so it still
 * answers once its workflow has ended or been removed from Temporal. The outbox takes messages
 * (a commission cancelled, a tender closed) besides deadline reminders, so its deadline columns
 * become optional.
 */
export class ViewInReadModel1764300000000 implements MigrationInterface {
  name = 'ViewInReadModel1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE commissions ADD COLUMN view jsonb NULL`);
    await q.query(`ALTER TABLE notifications ADD COLUMN topic text NOT NULL DEFAULT 'deadline'`);
    await q.query(`ALTER TABLE notifications ADD COLUMN message text NULL`);
    for (const column of ['milestone', 'deadline_version', '"offset"', 'due_at']) {
      await q.query(`ALTER TABLE notifications ALTER COLUMN ${column} DROP NOT NULL`);
    }
    await q.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_topic_shape CHECK (
        (topic = 'deadline' AND milestone IS NOT NULL AND deadline_version IS NOT NULL
           AND "offset" IS NOT NULL AND due_at IS NOT NULL)
        OR (topic = 'message' AND message IS NOT NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_topic_shape`);
    await q.query(`DELETE FROM notification_deliveries WHERE notification_key IN
                     (SELECT key FROM notifications WHERE topic = 'message')`);
    await q.query(`DELETE FROM notifications WHERE topic = 'message'`);
    for (const column of ['milestone', 'deadline_version', '"offset"', 'due_at']) {
      await q.query(`ALTER TABLE notifications ALTER COLUMN ${column} SET NOT NULL`);
    }
    await q.query(`ALTER TABLE notifications DROP COLUMN message`);
    await q.query(`ALTER TABLE notifications DROP COLUMN topic`);
    await q.query(`ALTER TABLE commissions DROP COLUMN view`);
  }
}
