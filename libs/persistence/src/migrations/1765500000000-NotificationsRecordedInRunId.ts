import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A recording task's run is named by its run id, not its start time: the SDK's `runStartTime` is
 * the first task's start as the worker saw it, so a lost first task and its retry disagree on it,
 * and the retry would never find what the lost one recorded (activities/notifications/outbox.ts).
 */
export class NotificationsRecordedInRunId1765500000000 implements MigrationInterface {
  name = 'NotificationsRecordedInRunId1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications ALTER COLUMN recorded_in_run TYPE text USING NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications ALTER COLUMN recorded_in_run TYPE bigint USING NULL`);
  }
}
