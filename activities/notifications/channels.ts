import { createHmac } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type { NotificationConfig } from '@app/config';
import type { RenderedNotification } from './render';

export const CHANNELS = ['email', 'webhook', 'log'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface Outgoing extends RenderedNotification {
  key: string;
  recipients: { userId: string; name: string; email: string }[];
  payload: Record<string, unknown>;
  /** An iCalendar document for a deadline, attached to the e-mail as `deadline.ics`. */
  calendar?: string;
}

/** The channels a notification is recorded for, from the configuration at the time. */
export function channelsFor(config: NotificationConfig): Channel[] {
  const channels: Channel[] = [];
  if (config.smtpUrl) channels.push('email');
  if (config.webhookUrl) channels.push('webhook');
  return channels.length ? channels : ['log'];
}

export const SIGNATURE_HEADER = 'x-commissioning-signature';
export const TIMESTAMP_HEADER = 'x-commissioning-timestamp';

/** HMAC-SHA256 over `timestamp.body`: a receiver checks both, and refuses old timestamps. */
export function sign(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export class ChannelSender {
  private transport?: Transporter;

  constructor(
    private readonly config: NotificationConfig,
    private readonly log: (msg: string, fields: Record<string, unknown>) => void,
  ) {}

  async send(channel: Channel, n: Outgoing): Promise<void> {
    switch (channel) {
      case 'email':
        return this.email(n);
      case 'webhook':
        return this.webhook(n);
      case 'log':
        this.log('notification recorded (no delivery channel configured)', {
          key: n.key,
          subject: n.subject,
          to: n.recipients.map((r) => r.email),
        });
        return;
      default: {
        const unknown: never = channel;
        throw new Error(`unknown channel ${String(unknown)}`);
      }
    }
  }

  private async email(n: Outgoing): Promise<void> {
    if (n.recipients.length === 0) return;
    this.transport ??= nodemailer.createTransport(this.config.smtpUrl, {
      connectionTimeout: 5000,
      greetingTimeout: 5000,
      socketTimeout: 5000,
    });
    await this.transport.sendMail({
      from: this.config.smtpFrom,
      to: n.recipients.map((r) => ({ name: r.name, address: r.email })),
      subject: n.subject,
      text: n.body,
      // The same id on every attempt lets mail systems drop a duplicate delivery.
      messageId: `<${n.key.replace(/[^A-Za-z0-9.-]/g, '.')}@commissioning>`,
      headers: { 'X-Notification-Key': n.key },
      attachments: n.calendar
        ? [
            {
              filename: 'deadline.ics',
              content: n.calendar,
              contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
            },
          ]
        : [],
    });
  }

  private async webhook(n: Outgoing): Promise<void> {
    const body = JSON.stringify({ ...n.payload, subject: n.subject, body: n.body, link: n.link });
    const timestamp = Math.floor(Date.now() / 1000);
    const res = await fetch(this.config.webhookUrl!, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': n.key,
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: sign(this.config.webhookSecret!, timestamp, body),
      },
      body,
      signal: AbortSignal.timeout(5000),
    });
    if (!res.ok) throw new Error(`webhook answered ${res.status} ${res.statusText}`);
  }

  close(): void {
    this.transport?.close();
  }
}
