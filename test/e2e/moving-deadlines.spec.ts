import { CommissionFactory } from '../support/factories';
import { people } from '../support/people';
import { startWebhookReceiver, type WebhookReceiver } from '../support/receivers';
import { startWorld, type World } from '../support/world';
import { drive } from '../support/drive';

const MAX_LATENESS_MS = 2000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();

describe('moving a deadline', () => {
  let world: World;
  let hooks: WebhookReceiver;

  beforeAll(async () => {
    hooks = await startWebhookReceiver();
    world = await startWorld({
      notifications: { webhookUrl: hooks.url, webhookSecret: 'moving-secret-0123456789' },
    });
  });
  afterAll(async () => {
    await world.stop();
    await hooks.close();
  });

  async function inReview(respondBy: string): Promise<string> {
    const factory = CommissionFactory.withPanel(2)
      .unanimous()
      .with({ reminderPolicy: { before: ['PT3S'], overdueEvery: 'PT2S' } });
    return (await drive(world).opened({ factory }).drafted({ content: '# v1' }).submitted({ respondBy })).id;
  }

  const move = (id: string, dueAt: string, reason: string) =>
    world
      .as(people.officer)
      .post(`/v1/commissions/${id}/deadlines`, { milestone: 'sign-off', dueAt, reason });

  it('reschedules at once when moved earlier and later, cancels when met, and audits each move', async () => {
    const id = await inReview(inMs(9000)); // v1 reminder would be at +6 s
    await sleep(500);
    const earlier = await move(id, inMs(4500), 'the panel meets sooner').expect(200); // v2 reminder at +1.5 s
    expect(earlier.body.signOff.current.respondBy).toBe(earlier.body.deadlines[2].dueAt);
    await hooks.waitFor(() => hooks.for(id).length >= 1, 5000);
    const later = inMs(5000);
    await move(id, later, 'the chair is away').expect(200); // v3 reminder at +2 s, escalation at +5 s
    await hooks.waitFor(() => hooks.for(id).length >= 2, 6000);

    const [v2, v3] = hooks.for(id);
    expect(v2.body.key).toMatch(/:sign-off:v2:before:PT3S$/);
    expect(v3.body.key).toMatch(/:sign-off:v3:before:PT3S$/);
    for (const c of [v2, v3])
      expect(c.receivedAt - Date.parse(c.body.scheduledFor)).toBeLessThan(MAX_LATENESS_MS);

    // Met before the new due date: the escalation planned for it never goes out.
    await world
      .as(people.chair)
      .post(`/v1/commissions/${id}/sign-offs`, { decision: 'approve', specificationVersion: 1 })
      .expect(200);
    await world
      .as(people.wood)
      .post(`/v1/commissions/${id}/sign-offs`, { decision: 'approve', specificationVersion: 1 })
      .expect(200);
    await sleep(Math.max(0, Date.parse(later) - Date.now()) + 1500);
    expect(hooks.for(id).map((c) => c.body.offset)).toEqual(['before:PT3S', 'before:PT3S']);
    expect(hooks.for(id).some((c) => c.body.key.includes(':v1:'))).toBe(false);

    const history = await world.as(people.observer).get(`/v1/commissions/${id}/history`).expect(200);
    const moves = history.body.events.filter((e: { action: string }) => e.action === 'deadline-moved');
    expect(moves).toEqual([
      expect.objectContaining({
        actor: { userId: 'officer.one', name: 'Olivia Officer' },
        detail: expect.objectContaining({ milestone: 'sign-off', reason: 'the panel meets sooner' }),
      }),
      expect.objectContaining({
        detail: expect.objectContaining({ reason: 'the chair is away', to: new Date(later).toISOString() }),
      }),
    ]);
    expect(Date.parse(moves[1].detail.from)).toBeLessThan(Date.parse(moves[1].detail.to));
    const reminders = await world.as(people.officer).get(`/v1/commissions/${id}/reminders`).expect(200);
    expect(reminders.body.moves).toHaveLength(2);
    expect(
      reminders.body.deadlines.find((d: { milestone: string }) => d.milestone === 'sign-off'),
    ).toMatchObject({ version: 3, closedReason: 'met' });
  });

  it('refuses a move by a non-officer, into the past, without a reason, or of a milestone not open', async () => {
    const id = await inReview(inMs(3_600_000));
    await world
      .as(people.chair)
      .post(`/v1/commissions/${id}/deadlines`, { milestone: 'sign-off', dueAt: inMs(7_200_000), reason: 'r' })
      .expect(403);
    await move(id, '2020-01-01T00:00:00Z', 'too late').expect(400);
    await move(id, inMs(7_200_000), '').expect(400);
    const uncounted = await move(id, '2099-05-05T16:00:00Z', 'beyond the calendar').expect(400);
    expect(uncounted.body.errors).toEqual([
      {
        field: 'dueAt',
        message: "must fall within the bank-holiday calendar's years (2010–2040); 2099-05-05 is outside them",
      },
    ]);
    const closed = await world
      .as(people.officer)
      .post(`/v1/commissions/${id}/deadlines`, {
        milestone: 'tender-close',
        dueAt: inMs(7_200_000),
        reason: 'r',
      })
      .expect(409);
    expect(closed.body.detail).toBe('there is no open tender-close deadline to move');
    await world
      .as(people.officer)
      .post(`/v1/commissions/${id}/deadlines`, { milestone: 'someday', dueAt: inMs(7_200_000), reason: 'r' })
      .expect(400);
    const report = await world
      .as(people.officer)
      .post(`/v1/commissions/${id}/deadlines`, {
        milestone: 'final-report',
        dueAt: '2039-09-30T16:00:00Z',
        reason: 'extension agreed',
      })
      .expect(200);
    expect(report.body.milestones.finalReportDueAt).toBe('2039-09-30T16:00:00.000Z');
  });
});
