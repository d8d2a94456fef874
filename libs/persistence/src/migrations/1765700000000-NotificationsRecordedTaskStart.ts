import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which attempt of its workflow task recorded a notification: the workflow clock as the attempt
 * began recording. A lost attempt of an update's task leaves nothing in history, so its retry
 * records at the same history length; this tells the two apart (activities/notifications/outbox.ts).
 * Null on rows recorded before it was kept, which no later attempt then takes for a lost one's.
 */
export class NotificationsRecordedTaskStart1765700000000 implements MigrationInterface {
  name = 'NotificationsRecordedTaskStart1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications ADD COLUMN recorded_task_started_ms bigint`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP COLUMN recorded_task_started_ms`);
  }
}
