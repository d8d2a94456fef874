import { loadCalendarSnapshot } from '@app/calendar';
import type { NotificationConfig } from '@app/config';
import {
  DEFAULT_TIMELINE_SETTINGS,
  type CalendarSnapshot,
  type Projection,
  type TimelineSettings,
} from '@app/contracts';
import type { Logger } from '@app/logging';
import { Context } from '@temporalio/activity';
import type { DataSource } from 'typeorm';
import { standingOf } from './dependency/standing';
import { checkFeasibility, type FeasibilityDeps } from './feasibility/check-feasibility';
import { createNotificationActivities } from './notifications/notification-activities';
import { projectOrQuarantine } from './projection/quarantine';

export interface ActivityDeps {
  dataSource: DataSource;
  logger: Logger;
  notifications: NotificationConfig;
  /** The timetable check's calendar and settings; absent: the shipped calendar and the defaults. */
  timeline?: { calendar: CalendarSnapshot; settings: TimelineSettings };
}

/** The worker's activities, built once with their collaborators (see apps/worker). */
export function createActivities(deps: ActivityDeps) {
  const notifications = createNotificationActivities(deps);
  const feasibility: FeasibilityDeps = {
    ...deps,
    calendar: deps.timeline?.calendar ?? loadCalendarSnapshot(),
    settings: deps.timeline?.settings ?? DEFAULT_TIMELINE_SETTINGS,
    deliver: (key) => notifications.deliverNotification(key),
  };
  return {
    ...notifications,
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
      await checkFeasibility(feasibility, p);
    },
  };
}

export type CommissionActivities = ReturnType<typeof createActivities>;
