import { loadCalendarSnapshot } from '@app/calendar';
import type { NotificationConfig } from '@app/config';
import {
  DEFAULT_TIMELINE_SETTINGS,
  type CalendarSnapshot,
  type Projection,
  type ProjectionAttempt,
  type TaskWrite,
  type TimelineSettings,
} from '@app/contracts';
import type { Logger } from '@app/logging';
import { Context } from '@temporalio/activity';
import type { DataSource } from 'typeorm';
import { standingOf } from './dependency/standing';
import { checkFeasibility, prepareCheck, type FeasibilityDeps } from './feasibility/check-feasibility';
import { createNotificationActivities } from './notifications/notification-activities';
import { projectAttempt } from './projection/project-attempt';
import { projectBatchOrQuarantine } from './projection/project-commission-events';
import { logQuarantine, projectOrQuarantine } from './projection/quarantine';

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
  const activities = {
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
    /**
     * Consecutive events of one commission in one transaction. Without `by` (runs from before
     * patch 'projection-in-workflow-task') a retry rewrites nothing; with it, the write is the
     * writing task's (project-attempt.ts): a lost task's provisional rows are replaced by its
     * retry's, and a late write from an older task is ignored.
     */
    async projectCommissionEvents(batch: Projection[], by?: ProjectionAttempt): Promise<void> {
      const info = Context.current().info;
      const workflowId = info.workflowExecution?.workflowId;
      const log = {
        workflowId,
        seqs: batch.map((p) => p.event.seq),
        actions: batch.map((p) => p.event.action),
        attempt: info.attempt,
      };
      // The batch's last event carries the view: the timetable is checked once, as of it (from a
      // provisional write too: a verdict is recomputed from every later view, and told once).
      const last = batch[batch.length - 1];
      if (by) {
        // The check rides in the write's statement: one round trip for both in the common case.
        const check = last ? await prepareCheck(feasibility, last) : null;
        const outcome = await projectAttempt(
          deps.dataSource,
          batch,
          by,
          logQuarantine(deps.logger, workflowId),
          check ?? undefined,
        );
        if (!outcome.applied) {
          deps.logger.warn(
            { ...log, by, reason: outcome.reason },
            'late write from an older workflow task ignored',
          );
          return;
        }
        // Routine writes are debug: a line per command here cost a tenth of the projection's CPU,
        // and the audit rows say the same. A lost task's rows replaced is worth an operator's eye.
        const fields = {
          ...log,
          provisional: by.provisional,
          written: outcome.written,
          replaced: outcome.replaced,
        };
        if (outcome.replaced > 0) deps.logger.info(fields, "events projected over a lost task's");
        else deps.logger.debug(fields, 'events projected');
        // A batch written event by event (one of them quarantined) is checked on its own.
        if (check) await (outcome.riding ? check.finish(outcome.riding) : check.run());
        return;
      } else {
        const written = await projectBatchOrQuarantine(deps.dataSource, batch, deps.logger, workflowId);
        deps.logger.info(
          { ...log, written },
          written === batch.length ? 'events projected' : 'events projected (some already were)',
        );
      }
      if (last) await checkFeasibility(feasibility, last);
    },
    /**
     * Everything one workflow task writes (commissionWorkflowV4): its projection and its
     * notifications side by side, each on its own connection, so the task waits for the longer of
     * the two. Both are settled before a failure is thrown, so a retry after a failure never races
     * its own attempt (after a timeout it may; both writes are idempotent for the same task).
     */
    async writeInTask({ projection, notifications: raised }: TaskWrite): Promise<void> {
      const outcomes = await Promise.allSettled([
        projection ? activities.projectCommissionEvents(projection.batch, projection.by) : undefined,
        raised ? notifications.recordNotificationsInTask(raised.list, raised.by) : undefined,
      ]);
      const failed = outcomes.find((o) => o.status === 'rejected');
      if (failed) throw failed.reason;
    },
  };
  return activities;
}

export type CommissionActivities = ReturnType<typeof createActivities>;
