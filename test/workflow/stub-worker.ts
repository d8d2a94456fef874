import { randomUUID } from 'node:crypto';
import { Runtime, Worker, NativeConnection } from '@temporalio/worker';
import { Client, Connection } from '@temporalio/client';
import { loadConfig } from '@app/config';
import type { NotificationRequest, Projection, RecordingTask, TaskWrite } from '@app/contracts';
import { createLogger } from '@app/logging';
import { temporalLogger } from '../../apps/worker/src/temporal-logger';

let runtimeInstalled = false;

/** What the stub activities saw, in the order they saw it. */
export interface Seen {
  /** Every projected event, batches flattened. */
  projections: Projection[];
  /** The calls of the projection, each the events written together. */
  batches: Projection[][];
  recorded: NotificationRequest[];
  /** Which task recorded each notification recorded from inside one (a local activity). */
  recordedBy: (RecordingTask & { commissionId: string })[];
  delivered: string[];
  /** Each write from inside a task of a V4 run: its projection and notifications together. */
  writes: TaskWrite[];
  /** When each notification was recorded from inside a task (ms since the epoch), by key. */
  recordedAt: Map<string, number>;
}

/**
 * The real commission workflow on the real server, with activities that only remember what they
 * were asked: the kernel (ledger, scheduler, dispatcher) is tested without PostgreSQL.
 */
export async function startStubWorker(
  opts: {
    projectionDelayMs?: () => number;
    recordingDelayMs?: () => number;
    deliveryDelayMs?: () => number;
  } = {},
) {
  if (!runtimeInstalled) {
    Runtime.install({
      logger: temporalLogger(createLogger('workflow-test', process.env.LOG_LEVEL ?? 'warn')),
    });
    runtimeInstalled = true;
  }
  const config = loadConfig();
  const taskQueue = `workflow-test-${randomUUID()}`;
  const seen: Seen = {
    projections: [],
    batches: [],
    recorded: [],
    recordedBy: [],
    delivered: [],
    writes: [],
    recordedAt: new Map(),
  };
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const connection = await NativeConnection.connect({ address: config.temporal.address });
  const project = async (batch: Projection[]) => {
    await sleep(opts.projectionDelayMs?.() ?? 0);
    seen.projections.push(...batch);
    seen.batches.push(batch);
  };
  const recordInTask = async (n: NotificationRequest, by: RecordingTask) => {
    await sleep(opts.recordingDelayMs?.() ?? 0);
    seen.recorded.push(n);
    seen.recordedBy.push({ ...by, commissionId: n.commissionId });
    seen.recordedAt.set(n.key, Date.now());
  };
  const worker = await Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue,
    workflowBundle: { codePath: process.env.TEST_WORKFLOW_BUNDLE! },
    activities: {
      async projectCommissionEvent(p: Projection) {
        await sleep(opts.projectionDelayMs?.() ?? 0);
        seen.projections.push(p);
        seen.batches.push([p]);
      },
      projectCommissionEvents: project,
      async recordNotification(n: NotificationRequest) {
        seen.recorded.push(n);
      },
      recordNotificationInTask: recordInTask,
      async writeInTask(w: TaskWrite) {
        seen.writes.push(w);
        const { projection, notifications } = w;
        await Promise.all([
          projection ? project(projection.batch) : undefined,
          (async () => {
            for (const n of notifications?.list ?? []) await recordInTask(n, notifications!.by);
          })(),
        ]);
      },
      async deliverNotification(key: string) {
        await sleep(opts.deliveryDelayMs?.() ?? 0);
        seen.delivered.push(key);
      },
      async deliverNotifications(keys: string[]) {
        await sleep(opts.deliveryDelayMs?.() ?? 0);
        seen.delivered.push(...keys);
      },
      async abandonNotification() {},
      // Where a commission stands, for a dependent whose registration could not be delivered.
      async commissionStanding() {
        return null;
      },
    },
  });
  const running = worker.run();
  const clientConnection = await Connection.connect({ address: config.temporal.address });
  const client = new Client({ connection: clientConnection, namespace: config.temporal.namespace });
  return {
    client,
    taskQueue,
    seen,
    async stop() {
      worker.shutdown();
      await running;
      await connection.close();
      await clientConnection.close();
    },
  };
}
