import { commissionWorkflowId } from '@app/contracts';
import { drive } from '../support/drive';
import { eventually } from '../support/eventually';
import { CommissionFactory } from '../support/factories';
import { people, type TestUser } from '../support/people';
import { startSmtpReceiver, type SmtpReceiver } from '../support/receivers';
import { startWorld, type World } from '../support/world';

const PROBLEM = /application\/problem\+json/;
const observer = { userId: people.observer.userId, name: people.observer.name, email: people.observer.email };

/**
 * Delivery on below-threshold with a voluntary standstill of seconds: the contracted supplier's
 * reports, their review, completion, the gates met, an overdue report, and who may do what.
 */
describe('delivery: reports, review, completion', () => {
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

  /** A commission in delivery whose contract `winner` holds (it bids lowest; `other` bids too). */
  const inDelivery = (winner: TestUser, other: TestUser) =>
    drive(world)
      .opened({
        factory: CommissionFactory.withPanel(2)
          .unanimous()
          .with({ estimatedValue: 50_000, observers: [observer] }),
      })
      .submitted()
      .signedOff()
      .tendered({ closesIn: 6 })
      .closed([
        [winner, 800],
        [other, 1_000],
      ])
      .inDelivery();

  const mailsTo = (user: TestUser, subject: RegExp) =>
    smtp.mails.filter((m) => m.to.includes(user.email) && subject.test(m.subject));

  it('interim submitted, revised, resubmitted and accepted; final accepted → completed with both gates met', async () => {
    const first = await inDelivery(people.supplier, people.rival);
    const supplier = first.as(people.supplier);
    const officer = first.as(people.officer);

    // A supplier that bid but holds no contract can neither submit nor read.
    const stranger = await first.as(people.rival).post('/reports', { kind: 'interim', content: '# Ours' });
    expect(stranger.status).toBe(403);
    expect(stranger.headers['content-type']).toMatch(PROBLEM);
    expect(stranger.body).toMatchObject({ code: 'not-the-contracted-supplier' });
    await first.as(people.rival).get('/reports').expect(404);

    // Version 1 of the interim report: the reviewers hear of it; the supplier sees its task go.
    const sent = await supplier
      .post('/reports', { kind: 'interim', content: '# Interim\n\nFirst findings.' }, 'interim-1')
      .expect(201);
    const interimId: string = sent.body.report.reportId;
    expect(sent.body.report).toMatchObject({
      kind: 'interim',
      status: 'awaiting-review',
      versions: [{ version: 1 }],
    });
    // The same key again is the same version, not a second one.
    const again = await supplier
      .post('/reports', { kind: 'interim', content: '# Interim\n\nFirst findings.' }, 'interim-1')
      .expect(201);
    expect(again.body.report.versions).toHaveLength(1);
    await eventually(
      () => mailsTo(people.wood, /Report to review/),
      (m) => m.length === 1,
      15_000,
      'the reviewers to be told',
    );
    const woodTasks = await world.as(people.wood).get('/v1/me/tasks').expect(200);
    expect(woodTasks.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'review-report', reportId: interimId })]),
    );

    // The final report may come early, but is not accepted before the interim.
    const final = await supplier
      .post('/reports', { kind: 'final', content: '# Final\n\nAll of it.' })
      .expect(201);
    const finalId: string = final.body.report.reportId;
    const early = await officer.post(`/reports/${finalId}/review`, { decision: 'accept' }).expect(409);
    expect(early.body).toMatchObject({ code: 'interim-report-not-accepted' });

    // Wood asks for a revision; the supplier is told and has a task to revise.
    const revise = await first
      .as(people.wood)
      .post(`/reports/${interimId}/review`, { decision: 'revise', comments: 'Say more about Birmingham.' })
      .expect(200);
    expect(revise.body.report).toMatchObject({ status: 'revision-requested' });
    const twice = await first.as(people.chair).post(`/reports/${interimId}/review`, { decision: 'accept' });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'report-not-awaiting-review' });
    await eventually(
      () => mailsTo(people.supplier, /Revision requested/),
      (m) => m.length === 1 && m[0].text.includes('Say more about Birmingham.'),
      15_000,
      'the supplier to be told',
    );
    const supplierTasks = await world.as(people.supplier).get('/v1/me/tasks').expect(200);
    expect(supplierTasks.body.items.map((t: { kind: string }) => t.kind)).toContain('revise-report');

    // Version 2, accepted by the chair: the interim deadline is met and its gate written.
    await supplier
      .post('/reports', { kind: 'interim', content: '# Interim\n\nMore on Birmingham.' })
      .expect(201);
    const accepted = await first
      .as(people.chair)
      .post(`/reports/${interimId}/review`, { decision: 'accept' })
      .expect(200);
    expect(accepted.body.report).toMatchObject({ status: 'accepted', acceptedVersion: 2 });
    const afterInterim = await first.view();
    expect(afterInterim.gatesMet).toEqual({
      'interim-report-accepted': { at: accepted.body.report.acceptedAt, reportId: interimId, version: 2 },
    });
    expect(afterInterim.deadlines?.find((d) => d.milestone === 'interim-report')).toMatchObject({
      closedReason: 'met',
    });

    // Each version with its text and review, to the supplier that wrote it as to staff.
    for (const reader of [people.supplier, people.observer, people.wood]) {
      const one = await first.as(reader).get(`/reports/${interimId}`).expect(200);
      expect(one.body.versions).toMatchObject([
        { version: 1, content: '# Interim\n\nFirst findings.', review: { decision: 'revise' } },
        { version: 2, content: '# Interim\n\nMore on Birmingham.', review: { decision: 'accept' } },
      ]);
    }

    // Not while the contract details notice is owed: completing would leave it unpublished.
    const owed = await officer.post(`/reports/${finalId}/review`, { decision: 'accept' }).expect(409);
    expect(owed.body).toMatchObject({ code: 'contract-notice-owed', noticeDueAt: expect.any(String) });
    await officer.post('/contract/notice').expect(200);
    // The final report accepted: completed, both gates met, and the supplier and officers told.
    const done = await officer.post(`/reports/${finalId}/review`, { decision: 'accept' }).expect(200);
    expect(done.body.stage).toBe('completed');
    const completed = await first.view();
    expect(completed.stage).toBe('completed');
    expect(completed.gatesMet?.['final-report-accepted']).toMatchObject({ reportId: finalId, version: 1 });
    await eventually(
      () => mailsTo(people.officer, /Report accepted/),
      (m) => m.length === 2,
      15_000,
      'the officers to be told of both acceptances',
    );
    await eventually(
      () =>
        world.client.workflow
          .getHandle(commissionWorkflowId(first.id))
          .describe()
          .then((d) => d.status.name),
      (s) => s === 'COMPLETED',
      15_000,
      'the workflow to end',
    );

    // A completed commission answers every read from the read model.
    await first.as(people.observer).get('').expect(200);
    const history = await first.as(people.observer).get('/history').expect(200);
    expect(history.body.events.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['report-submitted', 'report-revision-requested', 'report-accepted']),
    );
    const list = await first.as(people.supplier).get('/reports').expect(200);
    expect(list.body.standings).toMatchObject([
      { kind: 'interim', status: 'accepted', overdue: false },
      { kind: 'final', status: 'accepted', overdue: false },
    ]);
    await first.as(people.officer).get('/evaluation').expect(200);
    await first.as(people.officer).get('/bids').expect(200);
    await first.as(people.observer).get('/reminders').expect(200);
    await first.as(people.supplier).get(`/reports/${finalId}`).expect(200);
    // And refuses commands with its final stage.
    const late = await supplier.post('/reports', { kind: 'final', content: '# Again' }).expect(409);
    expect(late.body).toMatchObject({ stage: 'completed' });
  }, 180_000);

  it('an overdue report is escalated to officers and observers and shows as overdue; another commission’s supplier can neither read nor submit', async () => {
    const c = await inDelivery(people.third, people.rival);
    const dueAt = new Date(Date.now() + 3_000).toISOString();
    await c
      .as(people.officer)
      .post('/deadlines', { milestone: 'interim-report', dueAt, reason: 'Tests: due in seconds' })
      .expect(200);
    const overdue = await eventually(
      () => c.as(people.officer).get('/reports'),
      (r) => r.body.standings?.[0]?.overdue === true && r.body.standings[0].status === 'not-submitted',
      15_000,
      'the interim report to be overdue',
    );
    expect(overdue.body.standings[0]).toMatchObject({
      kind: 'interim',
      dueAt: new Date(dueAt).toISOString(),
    });
    // Recorded by the workflow on the first escalation, so the read model holds it too.
    const view = await eventually(
      () => c.view(),
      (v) => v.overdueReports?.interim !== undefined,
      15_000,
      'the overdue report to be recorded',
    );
    expect(view.overdueReports?.final).toBeUndefined();
    await eventually(
      () => [...mailsTo(people.officer, /interim report/i), ...mailsTo(people.observer, /interim report/i)],
      (m) =>
        m.some((x) => x.to.includes(people.observer.email)) &&
        m.some((x) => x.to.includes(people.officer.email)),
      15_000,
      'the escalation to the officers and observers',
    );
    const tasks = await world.as(people.third).get('/v1/me/tasks').expect(200);
    expect(tasks.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'submit-report', overdue: true, commissionId: c.id }),
      ]),
    );

    // Acme holds the first commission's contract, not this one: it can neither read nor submit here.
    const acme = c.as(people.supplier);
    await acme.get('/reports').expect(404);
    const refused = await acme.post('/reports', { kind: 'interim', content: '# Not ours' }).expect(403);
    expect(refused.body).toMatchObject({ code: 'not-the-contracted-supplier' });
    const acmeTasks = await world.as(people.supplier).get('/v1/me/tasks').expect(200);
    expect(acmeTasks.body.items.filter((t: { commissionId: string }) => t.commissionId === c.id)).toEqual([]);

    // Late, but accepted all the same: no longer overdue.
    const sent = await c
      .as(people.third)
      .post('/reports', { kind: 'interim', content: '# Late' })
      .expect(201);
    await c
      .as(people.officer)
      .post(`/reports/${sent.body.report.reportId}/review`, { decision: 'accept' })
      .expect(200);
    const after = await c.as(people.third).get('/reports').expect(200);
    expect(after.body.standings[0]).toMatchObject({ status: 'accepted', overdue: false });
  }, 180_000);
});
