/**
 * The raw workflow's worker, in a process of its own like the product's worker, on its own task
 * queue, with the same worker settings (libs/config) and the same preload (system.ts), so the two
 * differ only in what they run.
 * Prints "raw worker polling" once it polls; stops on SIGTERM.
 */
import path from 'node:path';
import { NativeConnection, Worker, bundleWorkflowCode } from '@temporalio/worker';
import { loadConfig, workflowTaskPollerBehavior } from '@app/config';
import { createLogger } from '@app/logging';
import { tuneHeap } from '../../../apps/worker/src/heap';
import { installRuntime } from '../../../apps/worker/src/runtime';
import { createRawActivities } from './activities';

export const RAW_TASK_QUEUE = process.env.RAW_TASK_QUEUE ?? 'bench-raw';

const noop = () => undefined;
const quiet = { log: noop, trace: noop, debug: noop, info: noop, warn: noop, error: noop };

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger('bench-raw-worker', config.logLevel);
  installRuntime(logger, config.workerMetricsAddress, ['SIGTERM', 'SIGINT']);
  const connection = await NativeConnection.connect({ address: config.temporal.address });
  const settings = config.worker;
  tuneHeap(settings);
  const worker = await Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: RAW_TASK_QUEUE,
    workflowBundle: await bundleWorkflowCode({
      workflowsPath: path.join(__dirname, 'workflow.ts'),
      logger: quiet,
    }),
    activities: createRawActivities(),
    maxCachedWorkflows: settings.maxCachedWorkflows,
    maxConcurrentWorkflowTaskExecutions: settings.maxConcurrentWorkflowTaskExecutions,
    maxConcurrentActivityTaskExecutions: settings.maxConcurrentActivityTaskExecutions,
    stickyQueueScheduleToStartTimeout: settings.stickyQueueScheduleToStartTimeoutMs,
    workflowTaskPollerBehavior: workflowTaskPollerBehavior(settings),
    nonStickyToStickyPollRatio: settings.nonStickyToStickyPollRatio,
    shutdownGraceTime: '5s',
  });
  const running = worker.run();
  console.log('raw worker polling');
  await running;
  await connection.close();
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
