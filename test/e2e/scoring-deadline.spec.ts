import { eventually } from '../support/eventually';
import { evaluating, scoreBid } from '../support/award';
import { people } from '../support/people';
import { startSmtpReceiver, type Mail, type SmtpReceiver } from '../support/receivers';
import { startWorld, type World } from '../support/world';

/** Scoring due 10 s after the close; reminded 6 s before, escalated every 3 s after. */
const EVALUATION_SECONDS = 10;
const POLICY = { before: ['PT6S'], overdueEvery: 'PT3S' };

const person = (u: typeof people.observer) => ({ userId: u.userId, name: u.name, email: u.email });

describe('the scoring deadline: reminders to who still owes scores, escalation to officers, met when all scored', () => {
  let world: World;
  let smtp: SmtpReceiver;
  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    world = await startWorld({ notifications: { smtpUrl: smtp.url } });
  });
  afterAll(async () => {
    await world.stop();
    await smtp.close();
  });

  it('reminds only the members still owing (not the conflicted, not those done), escalates naming them, and is met by the last score', async () => {
    const { id, bids } = await evaluating(world, {
      panel: 3,
      bids: [
        [people.supplier, 120_000],
        [people.rival, 100_000],
      ],
      commission: { reminderPolicy: POLICY, observers: [person(people.observer)] },
      tender: { evaluationPeriod: `PT${EVALUATION_SECONDS}S` },
    });
    const path = (sub: string) => `/v1/commissions/${id}${sub}`;
    const acme = bids[people.supplier.userId];
    const birch = bids[people.rival.userId];
    const ofThis = (m: Mail) => m.text.includes(id);
    const scoringReminders = () =>
      smtp.mails.filter((m) => ofThis(m) && m.subject.startsWith('[Reminder] Score the bids'));
    const scoringEscalations = () =>
      smtp.mails.filter((m) => ofThis(m) && m.subject.startsWith('[Overdue] Scoring of the bids'));

    // The deadline is the close plus the evaluation period, shown with the evaluation.
    const commission = await world.as(people.officer).get(path('')).expect(200);
    const closedAt = Date.parse(commission.body.tender.closedAt);
    const opened = await world.as(people.chair).get(path('/evaluation')).expect(200);
    expect(Date.parse(opened.body.evaluation.scoringDueAt)).toBe(closedAt + EVALUATION_SECONDS * 1000);
    expect(opened.body.evaluation.scoringMetAt).toBeNull();

    // Wood is conflicted with Birch and scores Acme; the chair scores both; Trowler scores nothing.
    await world
      .as(people.wood)
      .post(path('/conflicts'), { supplier: people.rival.userId, reason: 'My former employer' })
      .expect(201);
    await scoreBid(world, id, people.wood, acme, 70, 70).expect(200);
    await scoreBid(world, id, people.chair, acme, 80, 60).expect(200);
    await scoreBid(world, id, people.chair, birch, 60, 80).expect(200);

    const trowlerTasks = await world.as(people.trowler).get('/v1/me/tasks').expect(200);
    expect(trowlerTasks.body.items).toContainEqual(
      expect.objectContaining({
        kind: 'score-bids',
        commissionId: id,
        milestone: 'scoring',
        path: `/commissions/${id}/evaluation`,
      }),
    );
    const woodTasks = await world.as(people.wood).get('/v1/me/tasks').expect(200);
    expect(woodTasks.body.items.filter((t: { commissionId: string }) => t.commissionId === id)).toEqual([]);

    // The reminder goes to Trowler alone, naming what she still owes and linking to the page.
    const [reminder] = await eventually(scoringReminders, (r) => r.length > 0, 20_000, 'a scoring reminder');
    expect(reminder.to).toEqual([people.trowler.email]);
    expect(reminder.text).toContain(`${people.trowler.name}: ${people.supplier.name}'s bid (Method, Team)`);
    expect(reminder.text).not.toContain(people.wood.name);
    expect(reminder.text).toContain(`/commissions/${id}/evaluation`);

    // After the due date, the officers and observers hear who still owes what.
    const [escalation] = await eventually(
      scoringEscalations,
      (e) => e.length > 0,
      20_000,
      'a scoring escalation',
    );
    expect(escalation.receivedAt).toBeGreaterThanOrEqual(closedAt + EVALUATION_SECONDS * 1000);
    expect(escalation.to.sort()).toEqual([people.officer.email, people.observer.email].sort());
    expect(escalation.text).toContain(`Still to score: ${people.trowler.name}`);
    expect(scoringReminders().every((m) => m.to.join() === people.trowler.email)).toBe(true);

    // Trowler scores both bids: the deadline is met, and nothing more is sent for it.
    await scoreBid(world, id, people.trowler, acme, 75, 65).expect(200);
    const last = await scoreBid(world, id, people.trowler, birch, 65, 75).expect(200);
    expect(last.body.evaluation).toMatchObject({ complete: true });
    expect(last.body.evaluation.scoringMetAt).toEqual(expect.any(String));
    const after = await world.as(people.officer).get(path('')).expect(200);
    const scoring = after.body.deadlines.find((d: { milestone: string }) => d.milestone === 'scoring');
    expect(scoring).toMatchObject({ closedReason: 'met' });
    const escalationsThen = scoringEscalations().length;
    const history = await world.as(people.officer).get(path('/history')).expect(200);
    const closing = history.body.events.find((e: { action: string }) => e.action === 'tender-closed');
    expect(closing.detail.scoringDueAt).toBe(opened.body.evaluation.scoringDueAt);
    // The officers' overdue task goes with it, and the met deadline escalates no more.
    await eventually(
      () => world.as(people.officer).get('/v1/me/tasks'),
      (r) => !r.body.items.some((t: { commissionId: string }) => t.commissionId === id),
      10_000,
      'the officer’s overdue scoring task to go',
    );
    expect(scoringEscalations().length).toBe(escalationsThen);
  });
});
