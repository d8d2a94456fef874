import { ApplicationFailure, Context } from '@temporalio/activity';
import type { NotificationConfig } from '@app/config';
import type { NotificationRequest, RecordingTask } from '@app/contracts';
import type { Logger } from '@app/logging';
import type { DataSource } from 'typeorm';
import { ChannelSender, channelsFor } from './channels';
import { abandonPending, loadEntry, markAttempt, recordInOutbox } from './outbox';
import { deadlineInvite } from './deadline-invite';
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

  async function record(n: NotificationRequest, by?: RecordingTask): Promise<void> {
    const { recorded, dropped } = await recordInOutbox(
      deps.dataSource,
      n,
      render(n, deps.notifications.publicBaseUrl),
      channelsFor(deps.notifications),
      by,
    );
    const workflowId = `commission-${n.commissionId}`;
    if (dropped.length > 0)
      deps.logger.warn({ workflowId, dropped }, "a lost workflow task's notifications dropped");
    deps.logger.info(
      { workflowId, key: n.key, recorded },
      recorded ? 'notification recorded' : 'notification already recorded',
    );
  }

  return {
    async recordNotification(n: NotificationRequest): Promise<void> {
      await record(n);
    },

    /** The same from inside the workflow task that raised it (a local activity): see RecordingTask. */
    async recordNotificationInTask(n: NotificationRequest, by: RecordingTask): Promise<void> {
      await record(n, by);
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
    // Side by side, so one slow channel of one notification does not use up the attempt's time
    // before the others are tried; one unknown to the outbox does not stop the rest.
    const outcomes = await Promise.allSettled(keys.map((key) => deliverOne(key, final)));
    const unknown = outcomes.find((o) => o.status === 'rejected');
    const failures = outcomes.flatMap((o, i) =>
      o.status === 'fulfilled' ? (keys.length === 1 ? o.value : o.value.map((f) => `${keys[i]}: ${f}`)) : [],
    );
    if (unknown) throw unknown.reason;
    const log = {
      workflowId: info.workflowExecution?.workflowId,
      ...(keys.length === 1 ? { key: keys[0] } : { keys }),
      attempt: info.attempt,
    };
    if (failures.length === 0) {
      deps.logger.info(log, keys.length === 1 ? 'notification delivered' : 'notifications delivered');
      return;
    }
    if (final) {
      deps.logger.error({ ...log, failures }, 'notification delivery failed for good');
      return;
    }
    deps.logger.warn({ ...log, failures }, 'notification delivery failed; will retry');
    throw ApplicationFailure.retryable(failures.join('; '), 'DeliveryFailed');
  }

  /** Sends each channel of one notification not yet sent, writing each outcome; its failures. */
  async function deliverOne(key: string, final: boolean): Promise<string[]> {
    const entry = await loadEntry(deps.dataSource, key);
    if (!entry)
      throw ApplicationFailure.nonRetryable(`no notification ${key} in the outbox`, 'UnknownNotification');
    const failures: string[] = [];
    const calendar = deadlineInvite(entry);
    for (const d of entry.deliveries.filter((x) => x.status === 'pending')) {
      try {
        await sender.send(d.channel, {
          key,
          subject: entry.subject,
          body: entry.body,
          link: entry.link,
          recipients: entry.recipients,
          calendar,
          payload: {
            key,
            commissionId: entry.commissionId,
            topic: entry.topic,
            ...(entry.message ? { message: entry.message } : {}),
            milestone: entry.milestone,
            kind: entry.kind,
            offset: entry.offset,
            dueAt: entry.dueAt?.toISOString() ?? null,
            scheduledFor: entry.scheduledFor.toISOString(),
            recipients: entry.recipients,
          },
        });
        await markAttempt(deps.dataSource, key, d.channel, { sent: true });
      } catch (err) {
        const error = (err as Error).message;
        failures.push(`${d.channel}: ${error}`);
        await markAttempt(deps.dataSource, key, d.channel, { sent: false, error, final });
      }
    }
    return failures;
  }
}
