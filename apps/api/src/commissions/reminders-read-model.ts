import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface DeliveryRow {
  channel: string;
  status: string;
  attempts: number;
  lastError: string | null;
  lastAttemptAt: Date | null;
  sentAt: Date | null;
}

/** The notifications outbox of one commission, with each channel's delivery state. */
@Injectable()
export class RemindersReadModel {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async forCommission(commissionId: string) {
    const rows: {
      key: string;
      topic: string;
      message: string | null;
      milestone: string | null;
      deadlineVersion: number | null;
      kind: string;
      offset: string | null;
      dueAt: Date | null;
      scheduledFor: Date;
      recordedAt: Date;
      recipients: unknown;
      subject: string;
      deliveries: DeliveryRow[];
    }[] = await this.ds.query(
      `SELECT n.key, n.topic, n.message, n.milestone, n.deadline_version AS "deadlineVersion", n.kind, n."offset",
              n.due_at AS "dueAt", n.scheduled_for AS "scheduledFor", n.recorded_at AS "recordedAt",
              n.recipients, n.subject,
              coalesce(json_agg(json_build_object(
                'channel', d.channel, 'status', d.status, 'attempts', d.attempts,
                'lastError', d.last_error, 'lastAttemptAt', d.last_attempt_at, 'sentAt', d.sent_at)
                ORDER BY d.channel) FILTER (WHERE d.channel IS NOT NULL), '[]') AS deliveries
         FROM notifications n LEFT JOIN notification_deliveries d ON d.notification_key = n.key
        WHERE n.commission_id = $1
        GROUP BY n.key
        ORDER BY n.scheduled_for, n.key`,
      [commissionId],
    );
    return rows.map((r) => {
      const statuses = r.deliveries.map((d) => d.status);
      const sentTimes = r.deliveries.map((d) => d.sentAt).filter((t): t is Date => t !== null);
      return {
        ...r,
        dueAt: r.dueAt?.toISOString() ?? null,
        scheduledFor: r.scheduledFor.toISOString(),
        recordedAt: r.recordedAt.toISOString(),
        status: statuses.includes('failed')
          ? 'failed'
          : statuses.every((s) => s === 'sent')
            ? 'sent'
            : 'pending',
        sentAt:
          statuses.length && statuses.every((s) => s === 'sent')
            ? new Date(Math.max(...sentTimes.map((t) => new Date(t).getTime()))).toISOString()
            : null,
      };
    });
  }
}
