import { randomUUID } from 'node:crypto';
import { commissionWorkflowId } from '@app/contracts';
import { AWARD_CRITERIA } from '../support/award';
import { drive, type Driven } from '../support/drive';
import { eventually } from '../support/eventually';
import { CommissionFactory } from '../support/factories';
import { people } from '../support/people';
import { startSmtpReceiver, type SmtpReceiver } from '../support/receivers';
import { startWorld, type World } from '../support/world';

const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();

/**
 * The letter's case end to end (issue 11): two studies in one programme on below-threshold timings
 * of seconds, the second drawing on the first's interim report. The second cannot tender until that
 * report is accepted, learns it from the first's workflow (no polling), its officers are told once,
 * and both reach `completed`.
 */
describe('the letter’s two studies as a programme', () => {
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

  const programme = `letter-${randomUUID().slice(0, 8)}`;
  const study = (title: string, extra: Record<string, unknown> = {}) =>
    CommissionFactory.withPanel(2)
      .unanimous()
      .with({ title, programmeId: programme, estimatedValue: 50_000, ...extra });
  const gateMetMails = (c: Driven) =>
    smtp.mails.filter((m) => m.subject.startsWith('[Dependency met]') && m.text.includes(c.id));
  const programmeAs = (who: (typeof people)[keyof typeof people]) =>
    world.as(who).get(`/v1/programmes/${programme}`);
  type Shown = {
    id: string;
    stage: string;
    verdict?: string | null;
    feasible?: boolean | null;
    why?: string;
  };

  it('study 2 waits on study 1’s interim report, learns once that it is met, and both reach completed', async () => {
    const officer = world.as(people.officer);
    await officer.post('/v1/programmes', { id: programme, name: 'The letter’s two studies' }).expect(201);

    const first = await drive(world).opened({ factory: study('Study 1: improvement capacity') });
    const second = await drive(world)
      .opened({
        factory: study('Study 2: commissioning in Birmingham', {
          dependsOn: { commissionId: first.id, gate: 'interim-report-accepted' },
        }),
      })
      .submitted()
      .signedOff();
    await eventually(
      () => first.view(),
      (v) => (v.dependents ?? []).some((d) => d.commissionId === second.id),
      10_000,
      'study 2 registered with study 1',
    );

    // The programme says, for staff, where each stands and whether its dates can be met.
    const before = await programmeAs(people.observer).expect(200);
    const shownBefore: Shown[] = before.body.commissions;
    expect(shownBefore.map((c) => [c.id, c.stage])).toEqual([
      [first.id, 'drafting'],
      [second.id, 'signed-off'],
    ]);
    for (const c of shownBefore) {
      expect(['on-track', 'at-risk', 'infeasible']).toContain(c.verdict);
      expect(typeof c.feasible).toBe('boolean');
      expect(c.why).toEqual(expect.any(String));
      const own = await world.as(people.observer).get(`/v1/commissions/${c.id}/timeline`).expect(200);
      expect({ verdict: c.verdict, feasible: c.feasible, why: c.why }).toEqual({
        verdict: own.body.verdict,
        feasible: own.body.feasible,
        why: own.body.why,
      });
    }
    expect(before.body.blocking).toHaveLength(1);

    // Study 2's tender is refused while study 1 has not had its interim report accepted.
    const tender = () => ({
      closesAt: inSeconds(6),
      clarificationsCloseAt: inSeconds(5),
      criteria: AWARD_CRITERIA,
    });
    const refused = await second.as(people.officer).post('/tender', tender()).expect(409);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body).toMatchObject({
      code: 'dependency-unmet',
      gate: 'interim-report-accepted',
      dependsOn: first.id,
      upstreamStage: 'drafting',
      gateStatus: 'waiting',
    });
    expect(refused.body.detail).toContain('"Study 1: improvement capacity" is in drafting');

    // Study 1 to delivery: still refused, now naming where study 1 stands.
    await drive(world)
      .resume(first.id)
      .submitted()
      .signedOff()
      .tendered({ closesIn: 6 })
      .closed([
        [people.supplier, 800],
        [people.rival, 1_000],
      ])
      .inDelivery();
    const stillRefused = await second.as(people.officer).post('/tender', tender()).expect(409);
    expect(stillRefused.body).toMatchObject({ code: 'dependency-unmet', upstreamStage: 'in-delivery' });

    // A supplier sees the published study, without verdicts or what blocks what.
    const asSupplier = await programmeAs(people.supplier).expect(200);
    expect(asSupplier.body.commissions.map((c: Shown) => c.id)).toEqual([first.id]);
    expect(asSupplier.body.commissions[0]).not.toHaveProperty('verdict');
    expect(asSupplier.body.commissions[0]).not.toHaveProperty('why');
    expect(asSupplier.body.blocking).toEqual([]);

    // The interim report accepted: study 2 learns it from study 1's workflow.
    const interim = await first
      .as(people.supplier)
      .post('/reports', { kind: 'interim', content: '# Interim\n\nWhat improvement capacity exists.' })
      .expect(201);
    const interimId: string = interim.body.report.reportId;
    await first.as(people.chair).post(`/reports/${interimId}/review`, { decision: 'accept' }).expect(200);
    const learnt = await eventually(
      () => second.view(),
      (v) => v.dependency?.status === 'met',
      15_000,
      'study 2 to learn that its gate is met',
    );
    expect(learnt.dependency).toMatchObject({
      status: 'met',
      input: { commissionId: first.id, reportId: interimId, version: 1 },
    });
    const told = await eventually(
      () => gateMetMails(second),
      (m) => m.length > 0,
      15_000,
      'study 2’s officers to be told',
    );
    expect(told).toHaveLength(1);
    expect(told[0].to).toEqual([people.officer.email]);
    const history = await second.as(people.observer).get('/history').expect(200);
    expect(
      history.body.events.filter((e: { action: string }) => e.action === 'dependency-gate-met'),
    ).toHaveLength(1);

    // Study 1 completes; study 2 tenders, awards, delivers and completes.
    await drive(world).resume(first.id).completed();
    await second.as(people.officer).post('/tender', tender()).expect(200);
    await drive(world)
      .resume(second.id)
      .closed([
        [people.third, 900],
        [people.rival, 950],
      ])
      .inDelivery()
      .completed();

    // Both workflows ended; the programme shows both completed, nothing blocking, no verdict left.
    for (const c of [first, second]) {
      await eventually(
        () =>
          world.client.workflow
            .getHandle(commissionWorkflowId(c.id))
            .describe()
            .then((d) => d.status.name),
        (s) => s === 'COMPLETED',
        15_000,
        'the workflow to end',
      );
    }
    const after = await programmeAs(people.observer).expect(200);
    expect(after.body.commissions.map((c: Shown) => [c.id, c.stage, c.verdict])).toEqual([
      [first.id, 'completed', null],
      [second.id, 'completed', null],
    ]);
    expect(after.body.blocking).toEqual([]);
    expect(after.body.graph.edges).toEqual([
      { from: first.id, to: second.id, gate: 'interim-report-accepted', status: 'met', inProgramme: true },
    ]);
    // Told once, whatever came after: the final report, study 2's tender, award and completion.
    expect(gateMetMails(second)).toHaveLength(1);
    expect((await second.view()).dependency).toMatchObject({ status: 'met' });
  }, 240_000);

  it('a gate met by the change that ends the other study’s workflow is still told, once', async () => {
    const first = await drive(world).opened({ factory: study('Study 1, final report') });
    const second = await drive(world).opened({
      factory: study('Study 2, on the final report', {
        dependsOn: { commissionId: first.id, gate: 'final-report-accepted' },
      }),
    });
    await eventually(
      () => first.view(),
      (v) => (v.dependents ?? []).some((d) => d.commissionId === second.id),
      10_000,
      'study 2 registered with study 1',
    );
    await drive(world)
      .resume(first.id)
      .submitted()
      .signedOff()
      .tendered({ closesIn: 6 })
      .closed([[people.supplier, 800]])
      .inDelivery()
      .completed();
    // Accepting the final report completes study 1 and ends its workflow in the same run.
    const learnt = await eventually(
      () => second.view(),
      (v) => v.dependency?.status === 'met',
      15_000,
      'study 2 to learn that study 1’s final report is accepted',
    );
    const finalReport = (await first.view()).reports?.find((r) => r.kind === 'final');
    expect(learnt.dependency?.input).toEqual({
      commissionId: first.id,
      reportId: finalReport?.reportId,
      version: 1,
    });
    const told = await eventually(
      () => gateMetMails(second),
      (m) => m.length > 0,
      15_000,
      'study 2’s officers to be told',
    );
    expect(told).toHaveLength(1);
    await eventually(
      () =>
        world.client.workflow
          .getHandle(commissionWorkflowId(first.id))
          .describe()
          .then((d) => d.status.name),
      (st) => st === 'COMPLETED',
      15_000,
      'study 1’s workflow to end',
    );
    // A later change to study 2 brings no second telling.
    await second
      .as(people.officer)
      .put('/specification', { content: '# Scope\n\nAfter the gate.' })
      .expect(200);
    expect(gateMetMails(second)).toHaveLength(1);
  }, 120_000);
});
