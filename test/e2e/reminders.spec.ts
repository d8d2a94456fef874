import { createHmac } from 'node:crypto';
import { CommissionFactory } from '../support/factories';
import { people } from '../support/people';
import {
  startSmtpReceiver,
  startWebhookReceiver,
  type SmtpReceiver,
  type WebhookReceiver,
} from '../support/receivers';
import { startWorld, type World } from '../support/world';
import { drive } from '../support/drive';

const SECRET = 'test-webhook-secret-0123456789';
/** The issue's bound: a reminder fires within 2 s of its due time on this machine. */
const MAX_LATENESS_MS = 2000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('deadlines that remind and escalate by themselves', () => {
  let world: World;
  let hooks: WebhookReceiver;
  let smtp: SmtpReceiver;

  beforeAll(async () => {
    hooks = await startWebhookReceiver();
    smtp = await startSmtpReceiver();
    world = await startWorld({
      notifications: { smtpUrl: smtp.url, webhookUrl: hooks.url, webhookSecret: SECRET },
    });
  });
  afterAll(async () => {
    await world.stop();
    await hooks.close();
    await smtp.close();
  });
  beforeEach(() => {
    hooks.respond = () => 200;
  });

  async function inReview(policy: object, respondInMs: number) {
    const factory = CommissionFactory.withPanel(3)
      .unanimous()
      .with({
        reminderPolicy: policy,
        observers: [
          { userId: people.observer.userId, name: people.observer.name, email: people.observer.email },
        ],
      });
    const opened = drive(world).opened({ factory }).drafted({ content: '# v1' });
    const { id } = await opened;
    // The due date is set only now, so the reminders are planned from the moment of submission.
    const respondBy = new Date(Date.now() + respondInMs).toISOString();
    await drive(world).resume(id).submitted({ respondBy });
    return { id, respondBy };
  }

  const approve = (who: typeof people.chair, id: string) =>
    world
      .as(who)
      .post(`/v1/commissions/${id}/sign-offs`, { decision: 'approve', specificationVersion: 1 })
      .expect(200);

  it('sends reminders and escalations in order, on time, to the right people, then stops when met', async () => {
    const { id, respondBy } = await inReview({ before: ['PT4S', 'PT2S'], overdueEvery: 'PT2S' }, 6000);

    // Alan Wood decides after the first reminder: the second must not go to him.
    await hooks.waitFor(() => hooks.for(id).length >= 1, 6000);
    await approve(people.wood, id);
    await hooks.waitFor(() => hooks.for(id).length >= 4, 12000);
    const overdueIds = async () =>
      (
        await world.as(people.observer).get('/v1/commissions?overdue=true&limit=100').expect(200)
      ).body.items.map((c: { id: string }) => c.id);
    expect(await overdueIds()).toContain(id);
    await approve(people.chair, id);
    const met = await approve(people.trowler, id);
    expect(met.body.stage).toBe('signed-off');
    const afterMet = hooks.for(id).length;
    await sleep(3000);
    expect(hooks.for(id).length).toBe(afterMet); // meeting the milestone cancelled the rest
    expect(await overdueIds()).not.toContain(id);

    const calls = hooks.for(id).slice(0, 4);
    expect(calls.map((c) => c.body.offset)).toEqual(['before:PT4S', 'before:PT2S', 'overdue:0', 'overdue:1']);
    for (const c of calls) {
      const lateness = c.receivedAt - Date.parse(c.body.scheduledFor);
      expect(lateness).toBeGreaterThanOrEqual(0);
      expect(lateness).toBeLessThan(MAX_LATENESS_MS);
    }
    expect(Date.parse(calls[2].body.scheduledFor)).toBe(Date.parse(respondBy));

    const emails = (c: (typeof calls)[number]) => c.body.recipients.map((r) => r.email).sort();
    expect(emails(calls[0])).toEqual([
      'alan.wood@example.gov.uk',
      'isabelle.trowler@example.gov.uk',
      'julian.le-grand@example.gov.uk',
    ]);
    expect(emails(calls[1])).toEqual(['isabelle.trowler@example.gov.uk', 'julian.le-grand@example.gov.uk']);
    expect(emails(calls[2])).toEqual(['ministers-office@example.gov.uk', 'officer.one@example.gov.uk']);

    // Each webhook is signed over timestamp and body, and carries the notification key.
    for (const c of calls) {
      const ts = Number(c.headers['x-commissioning-timestamp']);
      expect(Math.abs(Date.now() / 1000 - ts)).toBeLessThan(60);
      const expected = `sha256=${createHmac('sha256', SECRET).update(`${ts}.${c.raw}`).digest('hex')}`;
      expect(c.headers['x-commissioning-signature']).toBe(expected);
      expect(c.headers['idempotency-key']).toBe(c.body.key);
    }

    // The same notifications by email, saying what is due, when, for which commission, and where.
    const mails = smtp.mails.filter((m) => calls.some((c) => c.body.key === m.notificationKey));
    expect(mails).toHaveLength(4);
    const first = mails.find((m) => m.notificationKey === calls[0].body.key)!;
    expect(first.to.sort()).toEqual(emails(calls[0]));
    expect(first.subject).toMatch(/^\[Reminder\] Decide on version 1 of the specification by .* — Study: /);
    expect(first.text).toMatch(/Due: \d{1,2}(:\d{2})?(am|pm), [A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ \d{4}\n/);
    expect(first.text).toContain(`/commissions/${id}/sign-off`);
    const escalation = mails.find((m) => m.notificationKey === calls[2].body.key)!;
    expect(escalation.subject).toMatch(/^\[Overdue\]/);

    const reminders = await world.as(people.observer).get(`/v1/commissions/${id}/reminders`).expect(200);
    expect(reminders.body.notifications.slice(0, 4)).toEqual(
      calls.map((c) =>
        expect.objectContaining({
          key: c.body.key,
          status: 'sent',
          deliveries: [
            expect.objectContaining({ channel: 'email', status: 'sent', attempts: 1 }),
            expect.objectContaining({ channel: 'webhook', status: 'sent', attempts: 1 }),
          ],
        }),
      ),
    );
    expect(
      reminders.body.deadlines.find((d: { milestone: string }) => d.milestone === 'sign-off'),
    ).toMatchObject({
      open: false,
      closedReason: 'met',
    });
    await world.as(people.supplier).get(`/v1/commissions/${id}/reminders`).expect(403);
  });

  it('retries a receiver that fails three times, then records the delivery', async () => {
    hooks.respond = (_call, nth) => (nth <= 3 ? 503 : 200);
    const { id } = await inReview({ before: ['PT1S'], overdueEvery: 'PT1H' }, 2000);
    const ofReminder = () => hooks.for(id).filter((c) => c.body.offset === 'before:PT1S');
    await hooks.waitFor(() => ofReminder().length >= 4, 20000);
    const reminder = ofReminder();
    expect(reminder).toHaveLength(4);
    expect(new Set(reminder.map((c) => c.headers['idempotency-key'])).size).toBe(1);
    const deliveredAfter = reminder[3].receivedAt - reminder[0].receivedAt;
    expect(deliveredAfter).toBeGreaterThanOrEqual(1000 + 2000 + 4000 - 500); // backoff 1 s, 2 s, 4 s

    await sleep(300); // the attempt is recorded just after the receiver answers
    const reminders = await world.as(people.officer).get(`/v1/commissions/${id}/reminders`).expect(200);
    const webhook = reminders.body.notifications[0].deliveries.find(
      (d: { channel: string }) => d.channel === 'webhook',
    );
    expect(webhook).toMatchObject({ status: 'sent', attempts: 4, lastError: null });
    const email = reminders.body.notifications[0].deliveries.find(
      (d: { channel: string }) => d.channel === 'email',
    );
    expect(email).toMatchObject({ status: 'sent', attempts: 1 });
    expect(smtp.mails.filter((m) => m.notificationKey === reminder[0].body.key)).toHaveLength(1);
  });
});
