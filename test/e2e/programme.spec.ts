import { randomUUID } from 'node:crypto';
import { AWARD_CRITERIA } from '../support/award';
import { drive, type Driven } from '../support/drive';
import { eventually } from '../support/eventually';
import { CommissionFactory } from '../support/factories';
import { people } from '../support/people';
import { startSmtpReceiver, type SmtpReceiver } from '../support/receivers';
import { startWorld, type World } from '../support/world';

const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();
const tender = () => ({
  closesAt: inSeconds(60),
  clarificationsCloseAt: inSeconds(30),
  criteria: AWARD_CRITERIA,
});

describe('programmes and dependency gates', () => {
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
    CommissionFactory.withPanel(1).with({ title, programmeId: programme, estimatedValue: 50_000, ...extra });
  const gateOf = async (c: Driven) => (await c.view()).dependency;
  const mailsTo = (id: string, subject: string) =>
    smtp.mails.filter((m) => m.text.includes(id) && m.subject.startsWith(subject));

  it('a programme shows its studies, the graph and what blocks what; the second cannot tender; cancelling the first tells its officers once; dropping the dependency frees the tender', async () => {
    const officer = world.as(people.officer);
    const created = await officer
      .post('/v1/programmes', { id: programme, name: 'The letter’s two studies' })
      .expect(201);
    expect(created.body).toMatchObject({ id: programme, name: 'The letter’s two studies' });
    await officer.post('/v1/programmes', { id: programme, name: 'Again' }).expect(409);
    await world.as(people.chair).post('/v1/programmes', { name: 'Not mine to make' }).expect(403);

    const first = await drive(world).opened({ factory: study('Study A: improvement capacity') });
    const second = await drive(world)
      .opened({
        factory: study('Study B: Birmingham', {
          dependsOn: { commissionId: first.id, gate: 'interim-report-accepted' },
        }),
      })
      .drafted()
      .submitted()
      .signedOff();
    // The first keeps its dependent, once it has registered.
    await eventually(
      () => first.view(),
      (v) => (v.dependents ?? []).some((d) => d.commissionId === second.id),
      10_000,
      'the second registered with the first',
    );

    const refused = await second.as(people.officer).post('/tender', tender()).expect(409);
    expect(refused.body).toMatchObject({
      code: 'dependency-unmet',
      gate: 'interim-report-accepted',
      dependsOn: first.id,
      upstreamStage: 'drafting',
      gateStatus: 'waiting',
    });
    expect(refused.body.detail).toContain('"Study A: improvement capacity" is in drafting');

    const shown = await world.as(people.observer).get(`/v1/programmes/${programme}`).expect(200);
    expect(shown.body.commissions.map((c: { id: string; stage: string }) => [c.id, c.stage])).toEqual([
      [first.id, 'drafting'],
      [second.id, 'signed-off'],
    ]);
    expect(shown.body.commissions[0].nextDue).toMatchObject({ milestone: 'interim-report' });
    expect(shown.body.graph.edges).toEqual([
      {
        from: first.id,
        to: second.id,
        gate: 'interim-report-accepted',
        status: 'waiting',
        inProgramme: true,
      },
    ]);
    expect(shown.body.blocking).toHaveLength(1);
    expect(shown.body.blocking[0].says).toBe(
      '"Study B: Birmingham" cannot publish its tender until "Study A: improvement capacity"\'s interim report is accepted ("Study A: improvement capacity" is in drafting).',
    );
    // A supplier sees neither unpublished studies nor what blocks them.
    const asSupplier = await world.as(people.supplier).get(`/v1/programmes/${programme}`).expect(200);
    expect(asSupplier.body).toMatchObject({ commissions: [], graph: { edges: [] }, blocking: [] });
    await world.as(people.observer).get('/v1/programmes/no-such-programme').expect(404);

    await first.as(people.officer).post('/cancel', { reason: 'Funding withdrawn' }).expect(200);
    const gate = await eventually(
      () => gateOf(second),
      (g) => g?.status === 'never-to-be-met',
      10_000,
      'the gate never to be met',
    );
    expect(gate?.reason).toContain('Funding withdrawn');
    const told = await eventually(
      () => mailsTo(second.id, '[Dependency never to be met]'),
      (m) => m.length > 0,
      10_000,
      'the second’s officers told',
    );
    expect(told.map((m) => m.to)).toEqual([[people.officer.email]]);

    const still = await second.as(people.officer).post('/tender', tender()).expect(409);
    expect(still.body).toMatchObject({
      code: 'dependency-unmet',
      gateStatus: 'never-to-be-met',
      upstreamStage: 'cancelled',
    });
    await second.as(people.chair).post('/dependency/drop', { reason: 'Not mine' }).expect(403);
    await second.as(people.officer).post('/dependency/drop', { reason: ' ' }).expect(400);
    const dropped = await second
      .as(people.officer)
      .post('/dependency/drop', { reason: 'Study A will not happen; Study B goes ahead on its own' })
      .expect(200);
    expect(dropped.body.dependency).toMatchObject({
      status: 'dropped',
      dropped: { reason: 'Study A will not happen; Study B goes ahead on its own' },
    });
    const history = await second.as(people.observer).get('/history').expect(200);
    expect(history.body.events.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['dependency-never-to-be-met', 'dependency-dropped']),
    );
    await second.as(people.officer).post('/dependency/drop', { reason: 'again' }).expect(409);
    const published = await second.as(people.officer).post('/tender', tender()).expect(200);
    expect(published.body.stage).toBe('tendering');
    // Told once, whatever came after.
    expect(mailsTo(second.id, '[Dependency never to be met]')).toHaveLength(1);
  });

  it('a commission depending on one that has already ended learns at once that its gate will never be met', async () => {
    const first = await drive(world)
      .opened({ factory: study('Study A, ended') })
      .cancelled();
    const second = await drive(world).opened({
      factory: study('Study B, late', {
        dependsOn: { commissionId: first.id, gate: 'final-report-accepted' },
      }),
    });
    const gate = await eventually(
      () => gateOf(second),
      (g) => g?.status === 'never-to-be-met',
      10_000,
      'the gate never to be met',
    );
    expect(gate?.reason).toContain('cancelled');
  });

  it('refuses a dependency on an unknown commission', async () => {
    const res = await world
      .as(people.officer)
      .post(
        '/v1/commissions',
        study('Study C', {
          dependsOn: { commissionId: randomUUID(), gate: 'interim-report-accepted' },
        }).build(),
      )
      .expect(400);
    expect(res.body.errors).toEqual([
      { field: 'dependsOn.commissionId', message: 'no commission with this id' },
    ]);
  });
});
