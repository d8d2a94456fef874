import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Channel, Outgoing } from '../../activities/notifications/channels';
import { deliverBatch, type Sender } from '../../activities/notifications/deliver-batch';
import { recordAllInOutbox } from '../../activities/notifications/outbox';
import { eventually } from '../support/eventually';
import { signOffReminder, tenderClosedMessage } from '../support/notifications';
import { openDataSource, testConfig } from '../support/temporal';

/**
 * One delivery attempt over several notifications (deliverNotifications): every pending channel
 * side by side, each outcome written as soon as it is known, so a slow channel neither holds back
 * the record of the others nor makes them go again on the retry.
 */
describe('a delivery attempt over several notifications', () => {
  let ds: DataSource;
  beforeAll(async () => {
    ds = await openDataSource(testConfig());
  });
  afterAll(async () => {
    await ds.destroy();
  });

  const statuses = async (keys: string[]) =>
    (await ds.query(
      `SELECT notification_key AS key, channel, status, attempts, last_error AS error
         FROM notification_deliveries WHERE notification_key = ANY($1) ORDER BY notification_key, channel`,
      [keys],
    )) as { key: string; channel: Channel; status: string; attempts: number; error: string | null }[];

  it("writes each channel's outcome as it comes, sends the invite by e-mail only, and names unknown keys", async () => {
    const id = randomUUID();
    const una = { userId: 'u1', name: 'Una', email: 'una@example.gov.uk' };
    const reminder = signOffReminder(id, [una]);
    const message = tenderClosedMessage(id, 7, [una]);
    const text = { subject: 's', body: 'b', link: 'https://example.gov.uk/c' };
    await recordAllInOutbox(
      ds,
      [reminder, message].map((n) => ({ n, text })),
      ['email', 'webhook'],
    );

    // The reminder's e-mail hangs until released; the message's e-mail is refused.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const sent: { key: string; channel: Channel; calendar?: string }[] = [];
    const sender: Sender = {
      async send(channel: Channel, n: Outgoing) {
        if (channel === 'email' && n.key === reminder.key) await held;
        if (channel === 'email' && n.key === message.key) throw new Error('smtp refused');
        sent.push({ key: n.key, channel, calendar: n.calendar });
      },
    };
    const attempt = deliverBatch(ds, sender, [reminder.key, message.key, `${id}:unknown`], false);

    // The fast channels' outcomes are in the outbox while the slow one is still sending.
    const fastOnesWritten = [
      { key: message.key, channel: 'email', status: 'pending', attempts: 1, error: 'smtp refused' },
      { key: message.key, channel: 'webhook', status: 'sent', attempts: 1, error: null },
      { key: reminder.key, channel: 'email', status: 'pending', attempts: 0, error: null },
      { key: reminder.key, channel: 'webhook', status: 'sent', attempts: 1, error: null },
    ];
    const seen = await eventually(
      () => statuses([reminder.key, message.key]),
      (rows) => JSON.stringify(rows) === JSON.stringify(fastOnesWritten),
      5_000,
      "the fast channels' outcomes",
    );
    expect(seen).toEqual(fastOnesWritten);
    release();
    const { tried, unknown } = await attempt;
    expect(unknown).toEqual([`${id}:unknown`]);
    expect(tried).toHaveLength(4);
    expect((await statuses([reminder.key]))[0]).toMatchObject({ channel: 'email', status: 'sent' });

    // Only the reminder's e-mail carries the calendar invite.
    const invites = sent.filter((s) => s.calendar !== undefined);
    expect(invites.map((s) => [s.key, s.channel])).toEqual([[reminder.key, 'email']]);
    expect(invites[0]?.calendar).toContain('BEGIN:VCALENDAR');

    // The retry sends only what is still pending; on the last attempt a failure is final.
    sent.length = 0;
    const retry = await deliverBatch(ds, sender, [reminder.key, message.key], true);
    expect(retry.tried.map((t) => [t.key, t.channel])).toEqual([[message.key, 'email']]);
    expect(sent).toEqual([]);
    expect((await statuses([message.key]))[0]).toMatchObject({
      channel: 'email',
      status: 'failed',
      attempts: 2,
    });
  });
});
