import { randomUUID } from 'node:crypto';
import type { DataSource, QueryRunner } from 'typeorm';
import { projectAttempt } from '../../activities/projection/project-attempt';
import { sampleProjection } from './projections';
import { openDataSource, testConfig } from './temporal';

export interface CommissionsAtScale {
  ds: DataSource;
  /** The connection whose transaction holds the copies: ask the planner through it. */
  q: QueryRunner;
  /** The real commission the copies were made from (committed: outside the transaction). */
  id: string;
  /** Rolls the copies back and closes the connections. */
  close(): Promise<void>;
}

/**
 * A real commission, then `count` copies of its row inside a transaction that `close` rolls back:
 * rows that exist only to give the planner a real size. Each copy's workflow id is
 * `<prefix>-<g>-<id>` and its view the SQL expression `view`, in terms of the copy's number `g`.
 */
export async function commissionsAtScale(
  prefix: string,
  view: string,
  count = 5000,
): Promise<CommissionsAtScale> {
  const ds = await openDataSource(testConfig());
  const q = ds.createQueryRunner();
  await q.connect();
  await q.startTransaction();
  const id = randomUUID();
  await projectAttempt(ds, [sampleProjection(id, 1, new Date().toISOString())], {
    runStartedMs: Date.now(),
    historyLength: 3,
    committedThrough: 0,
    provisional: false,
  });
  await q.query(
    `INSERT INTO commissions (id, workflow_id, title, description, programme_id, regime, stage, version,
       specification_version, key_dates, created_at, updated_at, view)
     SELECT gen_random_uuid(), $2 || '-' || g || '-' || c.id, c.title, c.description, c.programme_id, c.regime,
            c.stage, c.version, c.specification_version, c.key_dates, c.created_at, c.updated_at, ${view}
       FROM commissions c, generate_series(1, $3::int) g WHERE c.id = $1`,
    [id, prefix, count],
  );
  return {
    ds,
    q,
    id,
    async close() {
      await q.rollbackTransaction();
      await q.release();
      await ds.destroy();
    },
  };
}
