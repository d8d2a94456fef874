import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import {
  COMMISSION_WORKFLOW_TYPE,
  DEFAULT_REMINDER_POLICY,
  commissionWorkflowId,
  type NewCommission,
} from '@app/contracts';
import type { commissionWorkflowV5 } from '@app/workflows';
import { benchMilestones, type BenchCast } from './people';
import { memoryOf } from './processes';
import { elapsedMs, now, pool } from './stats';
import type { System } from './system';

export interface RssResult {
  open: number;
  startsPerSecond: number;
  maxCachedWorkflows: number;
  rssBeforeMb: number;
  rssAfterMb: number;
  peakMb: number;
  /** The worker's RSS after the earlier sections of the same run, before it was restarted for this one. */
  leftByEarlierSectionsMb?: number;
}

const PROGRAMME = 'bench-rss';

function commission(cast: BenchCast, id: string, i: number): NewCommission {
  const { officer, chair, member } = cast;
  return {
    id,
    title: `Open commission ${i + 1}`,
    description: 'Opened by npm run bench (worker RSS), idle in drafting',
    programmeId: PROGRAMME,
    regime: 'PA2023',
    panel: [
      { userId: chair.userId, name: chair.name, email: chair.email, chair: true },
      { userId: member.userId, name: member.name, email: member.email, chair: false },
    ],
    officers: [{ userId: officer.userId, name: officer.name, email: officer.email }],
    observers: [],
    signOffRule: { mode: 'unanimous' },
    milestones: benchMilestones(),
    reminderPolicy: DEFAULT_REMINDER_POLICY,
    dependsOn: null,
    createdBy: { userId: officer.userId, name: officer.name },
  };
}

/**
 * The worker's resident memory with `open` commissions idle in drafting: started with the client
 * directly (as the API would, without waiting for an answer), then counted in the read model once
 * each has projected its opening; RSS from /proc/<worker>/status.
 */
export async function measureWorkerRss(
  system: System,
  cast: BenchCast,
  opts: { open: number; concurrency: number },
  log: (line: string) => void,
): Promise<RssResult> {
  const pid = system.workerPid;
  if (!pid) throw new Error('the rss section needs the worker process: pass --worker-pid with --api');
  const before = memoryOf(pid);
  const connection = await Connection.connect({ address: system.config.temporal.address });
  const client = new Client({ connection, namespace: system.config.temporal.namespace });
  const pg = new PgClient({ connectionString: system.config.databaseUrl });
  await pg.connect();
  try {
    const started = now();
    const step = Math.max(1, Math.round(opts.open / 10));
    let sent = 0;
    await pool(opts.open, opts.concurrency * 4, async (i) => {
      const id = randomUUID();
      await client.workflow.start<typeof commissionWorkflowV5>(COMMISSION_WORKFLOW_TYPE, {
        workflowId: commissionWorkflowId(id),
        taskQueue: system.config.temporal.taskQueue,
        args: [{ kind: 'open', commission: commission(cast, id, i) }],
      });
      if (++sent % step === 0) log(`  started ${sent}/${opts.open}; worker RSS ${memoryOf(pid).rssMb} MB`);
    });
    let projected = 0;
    for (let last = -1; projected < opts.open; last = projected) {
      const { rows } = await pg.query<{ n: string }>(
        `SELECT count(*) AS n FROM commissions WHERE programme_id = $1`,
        [PROGRAMME],
      );
      projected = Number(rows[0].n);
      if (projected !== last)
        log(`  opened (projected) ${projected}/${opts.open}; worker RSS ${memoryOf(pid).rssMb} MB`);
      if (projected < opts.open) await new Promise((r) => setTimeout(r, 2000));
    }
    const seconds = elapsedMs(started) / 1000;
    // Let the last tasks finish and the heap settle before reading.
    await new Promise((r) => setTimeout(r, 3000));
    const after = memoryOf(pid);
    return {
      open: opts.open,
      startsPerSecond: Math.round((opts.open / seconds) * 10) / 10,
      maxCachedWorkflows: system.config.worker.maxCachedWorkflows,
      rssBeforeMb: before.rssMb,
      rssAfterMb: after.rssMb,
      peakMb: after.peakMb,
    };
  } finally {
    await pg.end();
    await connection.close();
  }
}
