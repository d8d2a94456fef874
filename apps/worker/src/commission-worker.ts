import { NativeConnection, Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createActivities } from '@app/activities';
import { workflowTaskPollerBehavior, type AppConfig } from '@app/config';
import type { CalendarSnapshot } from '@app/contracts';
import type { Logger } from '@app/logging';
import { workflowSource } from './workflow-bundle';

export interface CommissionWorkerOptions {
  temporal: AppConfig['temporal'];
  notifications: AppConfig['notifications'];
  /** The timetable check's calendar and settings (activities/feasibility). */
  timeline?: { calendar: CalendarSnapshot; settings: AppConfig['timeline'] };
  settings: AppConfig['worker'];
  dataSource: DataSource;
  logger: Logger;
  /** Overrides where workflow code comes from (tests pass a bundle built once for the run). */
  workflows?: ReturnType<typeof workflowSource>;
}

/** Creates the worker that runs commission workflows and their activities on one task queue. */
export async function createCommissionWorker(
  opts: CommissionWorkerOptions,
): Promise<{ worker: Worker; connection: NativeConnection }> {
  const connection = await NativeConnection.connect({ address: opts.temporal.address });
  try {
    const worker = await Worker.create({
      connection,
      namespace: opts.temporal.namespace,
      taskQueue: opts.temporal.taskQueue,
      activities: createActivities({
        dataSource: opts.dataSource,
        logger: opts.logger,
        notifications: opts.notifications,
        timeline: opts.timeline,
      }),
      ...(opts.workflows ?? workflowSource()),
      maxCachedWorkflows: opts.settings.maxCachedWorkflows,
      maxConcurrentWorkflowTaskExecutions: opts.settings.maxConcurrentWorkflowTaskExecutions,
      maxConcurrentActivityTaskExecutions: opts.settings.maxConcurrentActivityTaskExecutions,
      stickyQueueScheduleToStartTimeout: opts.settings.stickyQueueScheduleToStartTimeoutMs,
      workflowTaskPollerBehavior: workflowTaskPollerBehavior(opts.settings),
      nonStickyToStickyPollRatio: opts.settings.nonStickyToStickyPollRatio,
      shutdownGraceTime: '10s',
    });
    return { worker, connection };
  } catch (err) {
    await connection.close();
    throw err;
  }
}
