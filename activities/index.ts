import type { NotificationConfig } from '@app/config';
import type { Projection } from '@app/contracts';
import type { Logger } from '@app/logging';
import { Context } from '@temporalio/activity';
import type { DataSource } from 'typeorm';
import { createNotificationActivities } from './notifications/notification-activities';
import { projectBatchOrQuarantine } from './projection/project-commission-events';
import { projectOrQuarantine } from './projection/quarantine';

export interface ActivityDeps {
  dataSource: DataSource;
  logger: Logger;
  notifications: NotificationConfig;
}

/** The worker's activities, built once with their collaborators (see apps/worker). */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createNotificationActivities(deps),
    async projectCommissionEvent(p: Projection): Promise<void> {
      const info = Context.current().info;
      const written = await projectOrQuarantine(
        deps.dataSource,
        p,
        deps.logger,
        info.workflowExecution?.workflowId,
      );
      deps.logger.info(
        {
          workflowId: info.workflowExecution?.workflowId,
          seq: p.event.seq,
          action: p.event.action,
          attempt: info.attempt,
          written,
        },
        written ? 'event projected' : 'event already projected',
      );
    },
    /** Consecutive events of one commission in one transaction; a retry rewrites nothing. */
    async projectCommissionEvents(batch: Projection[]): Promise<void> {
      const info = Context.current().info;
      const workflowId = info.workflowExecution?.workflowId;
      const written = await projectBatchOrQuarantine(deps.dataSource, batch, deps.logger, workflowId);
      deps.logger.info(
        {
          workflowId,
          seqs: batch.map((p) => p.event.seq),
          actions: batch.map((p) => p.event.action),
          attempt: info.attempt,
          written,
        },
        written === batch.length ? 'events projected' : 'events projected (some already were)',
      );
    },
  };
}

export type CommissionActivities = ReturnType<typeof createActivities>;
