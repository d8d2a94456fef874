import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A notification recorded from inside a workflow task (a local activity) says which task: the
 * run's start and the history length the task began at. A later recording of the same run drops
 * what a lost task recorded (activities/notifications/outbox.ts); the rest are null, as before.
 */
export class NotificationsRecordedInTask1765400000000 implements MigrationInterface {
  name = 'NotificationsRecordedInTask1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE notifications ADD COLUMN recorded_in_run bigint NULL, ADD COLUMN recorded_in_task integer NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP COLUMN recorded_in_task, DROP COLUMN recorded_in_run`);
  }
}
