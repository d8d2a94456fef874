import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { Runtime, type Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { loadConfig, type AppConfig } from '@app/config';
import { createLogger } from '@app/logging';
import { createDataSource } from '@app/persistence';
import { createCommissionWorker } from '../../apps/worker/src/commission-worker';
import { temporalLogger } from '../../apps/worker/src/temporal-logger';

let runtimeInstalled = false;

/** The real config, with a task queue of its own so tests never pick up each other's tasks. */
export function testConfig(): AppConfig {
  const config = loadConfig();
  return { ...config, temporal: { ...config.temporal, taskQueue: `test-${randomUUID()}` } };
}

export interface TestWorker {
  worker: Worker;
  stop(): Promise<void>;
}

/** A real worker on the real server, loading the bundle global setup built. */
export async function startWorker(config: AppConfig, dataSource: DataSource): Promise<TestWorker> {
  if (!runtimeInstalled) {
    Runtime.install({ logger: temporalLogger(createLogger('test-worker', process.env.LOG_LEVEL ?? 'warn')) });
    runtimeInstalled = true;
  }
  const { worker, connection } = await createCommissionWorker({
    temporal: config.temporal,
    notifications: config.notifications,
    settings: config.worker,
    dataSource,
    logger: createLogger('test-worker', process.env.LOG_LEVEL ?? 'warn'),
    workflows: process.env.TEST_WORKFLOW_BUNDLE
      ? { workflowBundle: { codePath: process.env.TEST_WORKFLOW_BUNDLE } }
      : undefined,
  });
  const running = worker.run();
  let stopped: Promise<void> | undefined;
  return {
    worker,
    // Idempotent: a test may stop the worker early, and the world stops it again at the end.
    stop() {
      stopped ??= (async () => {
        if (worker.getState() === 'RUNNING') worker.shutdown();
        await running;
        await connection.close();
      })();
      return stopped;
    },
  };
}

export async function connectTestClient(config: AppConfig): Promise<Client> {
  const connection = await Connection.connect({ address: config.temporal.address });
  return new Client({ connection, namespace: config.temporal.namespace });
}

export async function openDataSource(config: AppConfig): Promise<DataSource> {
  const ds = createDataSource(config.databaseUrl);
  await ds.initialize();
  return ds;
}
