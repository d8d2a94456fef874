import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The timetable check rides in every command's projection statement (check-feasibility.ts). At
 * 11,000 commissions and 33,000 notifications its two look-ups cost 5.6 ms a command: the
 * commissions that depend on this one through the view's whole-document GIN index (1.4 ms), and
 * the undelivered timeline notices by reading every delivery (4.2 ms). A partial index each
 * answers them from the few rows that can match, in every plan, the prepared statement's
 * generic plan included.
 */
export class CheckIndexes1765300000000 implements MigrationInterface {
  name = 'CheckIndexes1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX commissions_depends_on_idx ON commissions ((view->'dependsOn'->>'commissionId'))
        WHERE view->'dependsOn'->>'commissionId' IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX notification_deliveries_pending_idx ON notification_deliveries (notification_key)
        WHERE status = 'pending'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notification_deliveries_pending_idx`);
    await q.query(`DROP INDEX commissions_depends_on_idx`);
  }
}
