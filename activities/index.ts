import type { NotificationConfig } from '@app/config';
import type { Projection } from '@app/contracts';
import type { Logger } from '@app/logging';
import { Context } from '@temporalio/activity';
import type { DataSource } from 'typeorm';
import { standingOf } from './dependency/standing';
import { createNotificationActivities } from './notifications/notification-activities';
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
    /** Where a commission stands, for a dependent that could not register with it (it has ended). */
    async commissionStanding(commissionId: string) {
      return standingOf(deps.dataSource, commissionId);
    },
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
  };
}

export type CommissionActivities = ReturnType<typeof createActivities>;
