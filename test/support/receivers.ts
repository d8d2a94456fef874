import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { eventually } from './eventually';

export interface WebhookCall {
  receivedAt: number;
  headers: IncomingHttpHeaders;
  raw: string;
  body: {
    key: string;
    commissionId: string;
    milestone: string;
    kind: string;
    offset: string;
    scheduledFor: string;
    dueAt: string;
    recipients: { email: string }[];
    subject: string;
    body: string;
    link: string;
  };
}

export interface WebhookReceiver {
  url: string;
  calls: WebhookCall[];
  /** Decides the status of each call; the default accepts everything. */
  respond: (call: WebhookCall, nth: number) => number | Promise<number>;
  for(commissionId: string): WebhookCall[];
  waitFor(predicate: (calls: WebhookCall[]) => boolean, timeoutMs: number): Promise<WebhookCall[]>;
  close(): Promise<void>;
}

/** A real HTTP receiver on loopback that records every webhook call. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const calls: WebhookCall[] = [];
  const receiver: WebhookReceiver = {
    url: '',
    calls,
    respond: () => 200,
    for: (id) => calls.filter((c) => c.body.commissionId === id),
    waitFor: (p, t) => eventually(() => calls, p, t, 'webhook calls'),
    close: () => new Promise((r) => server.close(() => r())),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const call: WebhookCall = { receivedAt: Date.now(), headers: req.headers, raw, body: JSON.parse(raw) };
      calls.push(call);
      const nth = calls.filter((c) => c.body.key === call.body.key).length;
      void Promise.resolve(receiver.respond(call, nth)).then((status) => {
        res.writeHead(status).end();
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/commissioning`;
  return receiver;
}

export interface Mail {
  receivedAt: number;
  to: string[];
  subject: string;
  text: string;
  messageId: string;
  notificationKey: string;
  attachments: { filename: string; contentType: string; content: string }[];
}

export interface SmtpReceiver {
  url: string;
  mails: Mail[];
  close(): Promise<void>;
}

/** A real SMTP server on loopback (the `smtp-server` package) that keeps what it is sent. */
export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          mails.push({
            receivedAt: Date.now(),
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            messageId: parsed.messageId ?? '',
            notificationKey: String(parsed.headers.get('x-notification-key') ?? ''),
            attachments: parsed.attachments.map((a) => ({
              filename: a.filename ?? '',
              contentType: a.contentType,
              content: a.content.toString('utf8'),
            })),
          });
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
