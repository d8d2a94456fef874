import { ApplicationFailure, Context } from '@temporalio/activity';
import type { NotificationConfig } from '@app/config';
import { commissionWorkflowId, type NotificationRequest, type RecordingTask } from '@app/contracts';
import type { Logger } from '@app/logging';
import type { DataSource } from 'typeorm';
import { ChannelSender, channelsFor } from './channels';
import { abandonPending, recordAllInOutbox } from './outbox';
import { deliverBatch } from './deliver-batch';
import { render } from './render';

export interface NotificationDeps {
  dataSource: DataSource;
  logger: Logger;
  notifications: NotificationConfig;
}

/**
 * Outbox first, delivery second: a reminder is recorded once (its key is the outbox key), then
 * delivered at least once over each channel, with the same key on every attempt so a receiver can
 * drop a duplicate. Each attempt's outcome is written so `GET …/reminders` shows it.
 */
export function createNotificationActivities(deps: NotificationDeps) {
  const sender = new ChannelSender(deps.notifications, (msg, fields) => deps.logger.info(fields, msg));
  const channels = channelsFor(deps.notifications);

  async function record(list: readonly NotificationRequest[], by?: RecordingTask): Promise<void> {
    const { recorded, dropped } = await recordAllInOutbox(
      deps.dataSource,
      list.map((n) => ({ n, text: render(n, deps.notifications.publicBaseUrl) })),
      channels,
      by,
    );
    const workflowId = list[0] && commissionWorkflowId(list[0].commissionId);
    if (dropped.length > 0)
      deps.logger.warn({ workflowId, dropped }, "a lost workflow task's notifications dropped");
    for (const { key } of list) {
      const done = recorded.includes(key);
      deps.logger.info(
        { workflowId, key, recorded: done },
        done ? 'notification recorded' : 'notification already recorded',
      );
    }
  }

  return {
    async recordNotification(n: NotificationRequest): Promise<void> {
      await record([n]);
    },

    /** The same from inside the workflow task that raised it (a local activity): see RecordingTask. */
    async recordNotificationInTask(n: NotificationRequest, by: RecordingTask): Promise<void> {
      await record([n], by);
    },

    /** What one workflow task raised (commissionWorkflowV4's writeInTask), in one statement. */
    async recordNotificationsInTask(list: readonly NotificationRequest[], by: RecordingTask): Promise<void> {
      await record(list, by);
    },

    async abandonNotification(key: string, reason: string): Promise<void> {
      await abandonPending(deps.dataSource, key, reason);
      deps.logger.error({ key, reason }, 'notification abandoned');
    },

    async deliverNotification(key: string): Promise<void> {
      await deliverAll([key]);
    },

    /**
     * Several notifications one workflow task recorded together (commissionWorkflowV4), in one
     * activity. An attempt sends every channel of each not yet done; one still failing makes the
     * attempt fail, and the retry sends only what is still pending.
     */
    async deliverNotifications(keys: string[]): Promise<void> {
      await deliverAll(keys);
    },
  };

  async function deliverAll(keys: string[]): Promise<void> {
    const info = Context.current().info;
    const final = info.attempt >= (info.retryPolicy?.maximumAttempts ?? Infinity);
    const { tried, unknown } = await deliverBatch(deps.dataSource, sender, keys, final);
    if (unknown.length > 0)
      throw ApplicationFailure.nonRetryable(
        `no notification ${unknown.join(', ')} in the outbox`,
        'UnknownNotification',
      );
    const single = keys.length === 1;
    const failures = tried.flatMap(({ key, channel, outcome }) =>
      outcome.sent ? [] : [single ? `${channel}: ${outcome.error}` : `${key}: ${channel}: ${outcome.error}`],
    );
    const log = {
      workflowId: info.workflowExecution?.workflowId,
      ...(single ? { key: keys[0] } : { keys }),
      attempt: info.attempt,
    };
    if (failures.length === 0) {
      deps.logger.info(log, single ? 'notification delivered' : 'notifications delivered');
      return;
    }
    if (final) {
      deps.logger.error({ ...log, failures }, 'notification delivery failed for good');
      return;
    }
    deps.logger.warn({ ...log, failures }, 'notification delivery failed; will retry');
    throw ApplicationFailure.retryable(failures.join('; '), 'DeliveryFailed');
  }
}
