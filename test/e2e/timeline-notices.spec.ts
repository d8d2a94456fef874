import { drive, type Driven } from '../support/drive';
import { eventually } from '../support/eventually';
import { expectValidOcds } from '../support/ocds-schema';
import { CommissionFactory } from '../support/factories';
import { people } from '../support/people';
import { startSmtpReceiver, type SmtpReceiver } from '../support/receivers';
import { daysFromNow } from '../support/tender';
import { startWorld, type World } from '../support/world';

/*
 * The timetable, the verdict check after each change, the notices and their OCDS releases, end to
 * end. The OCDS package is validated against the shipped OCDS 1.1 schemas (support/ocds-schema.ts).
 */
const OBSERVER = { userId: people.observer.userId, name: people.observer.name, email: people.observer.email };
const BELOW_THRESHOLD = CommissionFactory.withPanel(1).unanimous().with({ estimatedValue: 50_000 });

describe('timeline, notices and OCDS', () => {
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

  it('GET …/timeline plans every stage back from the report dates, for staff only', async () => {
    const c = await drive(world).opened({
      factory: CommissionFactory.withPanel(3)
        .unanimous()
        .with({ deliveryPlan: { toInterim: 'P10W', toFinal: 'P20W' } }),
    });
    const res = await c.as(people.observer).get('/timeline').expect(200);
    expect(res.body).toMatchObject({
      commissionId: c.id,
      stage: 'drafting',
      regime: 'PA2023',
      feasible: true,
      verdict: 'on-track',
      deliveryPlan: { toInterim: 'P10W', toFinal: 'P20W', source: 'commission' },
      calendarVersion: expect.any(String),
    });
    expect(res.body.stages.map((s: { stage: string }) => s.stage)).toEqual([
      'sign-off',
      'tender-publication',
      'clarifications',
      'tender-close',
      'award',
      'standstill',
      'contract-start',
      'interim-report',
      'final-report',
    ]);
    // Interim Wed 30 June 2038 (the factory's) − 70 days = Wed 21 April (final 30 Sep − 140 = 13 May,
    // later): the standstill's last day is Tue 20 April, 8 working days back (9, 12–16, 19, 20; Easter
    // is later, 23–26 April) → award by Fri 9 April; close by 9 − 14 = Fri 26 March; publish by
    // 26 March − 25 = Mon 1 March 2038.
    const publish = res.body.stages.find((s: { stage: string }) => s.stage === 'tender-publication');
    expect(publish).toMatchObject({ latestFinish: '2038-03-01', verdict: 'on-track' });
    expect(publish.action).toContain('Publish the tender by Monday 1 March 2038');
    await c.as(people.supplier).get('/timeline').expect(403);
    await world
      .as(people.officer)
      .post(
        '/v1/commissions',
        CommissionFactory.withPanel(1)
          .unanimous()
          .with({ deliveryPlan: { toInterim: 'P20W', toFinal: 'P10W' } })
          .build(),
      )
      .expect(400);
  });

  it('a moved deadline that makes the dates infeasible tells officers and observers once', async () => {
    const c = await drive(world).opened({
      factory: CommissionFactory.withPanel(1)
        .unanimous()
        .with({ observers: [OBSERVER] }),
    });
    const title = (await c.view()).title;
    const worsened = () =>
      smtp.mails.filter((m) => m.notificationKey.startsWith(`${c.id}:timeline-worsened`));
    const verdictRow = async () =>
      (
        await world.ds.query(`SELECT verdict, cause FROM timeline_verdicts WHERE commission_id = $1`, [c.id])
      )[0];
    await eventually(verdictRow, (r) => r?.verdict === 'on-track', 10_000, 'the first check');

    const moved = await c
      .as(people.officer)
      .post('/deadlines', {
        milestone: 'interim-report',
        dueAt: daysFromNow(20),
        reason: 'The minister wants it sooner',
      })
      .expect(200);
    const mails = await eventually(worsened, (m) => m.length >= 1, 15_000, 'the worsening to be told');
    expect(mails[0].subject).toBe(`[Dates cannot be met] ${title}`);
    expect(mails[0].to).toEqual(expect.arrayContaining([people.officer.email, OBSERVER.email]));
    expect(mails[0].text).toContain('has gone from on-track to infeasible');
    const timeline = await c.as(people.officer).get('/timeline').expect(200);
    expect(timeline.body).toMatchObject({ feasible: false, verdict: 'infeasible' });

    // Moved again, still infeasible: checked (the stored cause moves on), nobody told again.
    const again = await c
      .as(people.officer)
      .post('/deadlines', { milestone: 'interim-report', dueAt: daysFromNow(21), reason: 'A day more' })
      .expect(200);
    expect(again.body.version).toBeGreaterThan(moved.body.version);
    await eventually(verdictRow, (r) => r?.cause === `v${again.body.version}`, 15_000, 'the second check');
    expect(worsened()).toHaveLength(1);
    const outbox = await world.ds.query(
      `SELECT key FROM notifications WHERE commission_id = $1 AND message = 'timeline-worsened'`,
      [c.id],
    );
    expect(outbox).toHaveLength(1);
  });

  it("an upstream commission's slipping report is its dependent's: the dependent is checked again and told", async () => {
    const upstream = await drive(world).opened({
      factory: CommissionFactory.withPanel(1)
        .unanimous()
        .with({
          milestones: {
            interimReportDueAt: '2038-06-30T17:00:00+01:00',
            finalReportDueAt: '2039-06-30T17:00:00+01:00',
          },
        }),
    });
    const dependent = await drive(world).opened({
      factory: CommissionFactory.withPanel(1)
        .unanimous()
        .with({
          dependsOn: { commissionId: upstream.id, gate: 'interim-report-accepted' },
          milestones: {
            interimReportDueAt: '2038-12-31T17:00:00Z',
            finalReportDueAt: '2039-03-31T17:00:00+01:00',
          },
        }),
    });
    const verdictOf = async (id: string) =>
      (
        await world.ds.query(`SELECT verdict, cause FROM timeline_verdicts WHERE commission_id = $1`, [id])
      )[0];
    await eventually(
      () => verdictOf(dependent.id),
      (r) => r?.verdict === 'on-track',
      10_000,
      'the first check',
    );

    // Its tender cannot start before the upstream interim report is accepted: in late December now.
    const moved = await upstream
      .as(people.officer)
      .post('/deadlines', {
        milestone: 'interim-report',
        dueAt: '2038-12-20T17:00:00Z',
        reason: 'The fieldwork overran',
      })
      .expect(200);
    const row = await eventually(
      () => verdictOf(dependent.id),
      (r) => r?.verdict === 'infeasible',
      15_000,
      "the dependent's check",
    );
    expect(row.cause).toBe(`upstream-${upstream.id}-v${moved.body.version}`);
    const told = await eventually(
      () => smtp.mails.filter((m) => m.notificationKey.startsWith(`${dependent.id}:timeline-worsened`)),
      (m) => m.length >= 1,
      15_000,
      'the dependent to be told',
    );
    expect(told.map((m) => m.notificationKey)).toEqual([
      `${dependent.id}:timeline-worsened:upstream-${upstream.id}-v${moved.body.version}:infeasible`,
    ]);
  });

  it('cancelling a published PA2023 tender issues a UK12; both notices with their OCDS releases', async () => {
    const c = await drive(world)
      .opened({ factory: CommissionFactory.withPanel(1).unanimous() })
      .submitted()
      .signedOff();
    await c
      .as(people.officer)
      .post('/tender', {
        closesAt: daysFromNow(30),
        clarificationsCloseAt: daysFromNow(20),
        criteria: [
          { name: 'Quality', kind: 'quality', weight: 70 },
          { name: 'Price', kind: 'price', weight: 30 },
        ],
      })
      .expect(200);
    await c.as(people.officer).post('/cancel', { reason: 'The policy changed' }).expect(200);

    const staff = await c.as(people.officer).get('/notices').expect(200);
    expect(staff.body.notices.map((n: { type: string; kind: string }) => [n.type, n.kind])).toEqual([
      ['UK4', 'tender'],
      ['UK12', 'termination'],
    ]);
    const uk12 = staff.body.notices[1];
    expect(uk12).toMatchObject({
      regime: 'PA2023',
      published: true,
      publishedBy: { userId: people.officer.userId },
      content: { reason: 'The policy changed', stage: 'tendering' },
      ocds: { tag: ['tenderCancellation'], tender: { status: 'cancelled' } },
    });
    expect(uk12.ocds.tender.documents[0].noticeType).toBe('UK12');

    // A supplier reads the published notices, never who published them.
    const supplier = await c.as(people.supplier).get('/notices').expect(200);
    expect(supplier.body.notices).toHaveLength(2);
    expect(supplier.body.notices[0].publishedBy).toBeUndefined();

    // The procurement stays public once terminated: its bidders see that it has ended, and why
    // only as the UK12 says it (the cancellation itself, with who cancelled, is staff-only).
    const seen = (await c.as(people.supplier).get('').expect(200)).body;
    expect(seen).toMatchObject({ stage: 'cancelled', notices: [{ type: 'UK4' }, { type: 'UK12' }] });
    expect(seen).not.toHaveProperty('cancellation');
    expect(seen.allowedActions).toEqual([]);
    const listed = await world
      .as(people.supplier)
      .get('/v1/commissions?stage=cancelled&limit=100')
      .expect(200);
    expect(listed.body.items.map((i: { id: string }) => i.id)).toContain(c.id);
    // One cancelled before any tender was never public, and stays hidden.
    const unpublished = await drive(world)
      .opened({ factory: CommissionFactory.withPanel(1).unanimous() })
      .cancelled();
    await unpublished.as(people.supplier).get('').expect(404);
    const relisted = await world
      .as(people.supplier)
      .get('/v1/commissions?stage=cancelled&limit=100')
      .expect(200);
    expect(relisted.body.items.map((i: { id: string }) => i.id)).not.toContain(unpublished.id);
    // A command on it is refused as for an ended commission (409), not as for a hidden one (404).
    const late = await c.as(people.supplier).post('/bids', { price: 1000, proposal: '# Late' });
    expect(late.status).toBe(409);

    const pkg = (await c.as(people.supplier).get('/ocds').expect(200)).body;
    expectValidOcds(pkg);
    expect(pkg.releases.map((r: { tag: string[] }) => r.tag[0])).toEqual(['tender', 'tenderCancellation']);
    expect(pkg.releases[0]).toMatchObject({
      ocid: `ocds-xxxxxx-${c.id}`,
      tender: { aboveThreshold: true, documents: [{ noticeType: 'UK4' }] },
    });
  });

  it('cancelling in delivery ends the contract: recorded below threshold, a valid contractTermination release', async () => {
    const c = await drive(world)
      .opened({ factory: BELOW_THRESHOLD })
      .submitted()
      .signedOff()
      .tendered({ closesIn: 8 })
      .closed([
        [people.supplier, 48_000],
        [people.rival, 45_500],
      ])
      .inDelivery();
    const contract = (await c.view()).contract!;
    await c.as(people.officer).post('/cancel', { reason: 'The study is no longer needed' }).expect(200);

    const staff = (await c.as(people.officer).get('/notices').expect(200)).body;
    const ended = staff.notices.at(-1);
    expect(ended).toMatchObject({
      type: 'below-threshold-contract-termination',
      kind: 'contract-termination',
      published: false,
      content: {
        reason: 'The study is no longer needed',
        supplier: contract.supplier.name,
        value: contract.value,
      },
      ocds: { tag: ['contractTermination'], contracts: [{ status: 'terminated' }] },
    });
    const pkg = (await c.as(people.officer).get('/ocds').expect(200)).body;
    expectValidOcds(pkg);
    const tags = pkg.releases.map((r: { tag: string[] }) => r.tag[0]);
    expect(tags).toContain('contractTermination');
    expect(tags.indexOf('contractTermination')).toBeGreaterThan(tags.indexOf('contract'));
    // Not published (PA2023 s.80 covers public contracts only): no supplier sees it as a notice.
    const seen = (await c.as(people.supplier).get('/notices').expect(200)).body;
    expect(seen.notices.map((n: { kind: string }) => n.kind)).not.toContain('contract-termination');
  });

  it('the OCDS package validates at every stage to completed; a supplier never sees the unpublished parts', async () => {
    const ocdsAs = async (c: Driven, who = people.officer) => {
      const pkg = (await c.as(who).get('/ocds').expect(200)).body;
      expectValidOcds(pkg);
      return pkg as { releases: { tag: string[]; planning?: unknown; awards?: unknown[] }[] };
    };
    const tags = (pkg: { releases: { tag: string[] }[] }) => pkg.releases.map((r) => r.tag[0]);

    const drafting = await drive(world).opened({ factory: BELOW_THRESHOLD });
    expect(tags(await ocdsAs(drafting))).toEqual(['planning']);
    await drafting.as(people.supplier).get('/ocds').expect(404);

    const tendering = await drive(world)
      .resume(drafting.id)
      .submitted()
      .signedOff()
      .tendered({ closesIn: 8 });
    const staffTendering = await ocdsAs(tendering);
    expect(tags(staffTendering)).toEqual(['planning', 'tender']);
    expect(JSON.stringify(staffTendering)).toContain('"budget"');
    const supplierTendering = await ocdsAs(tendering, people.supplier);
    expect(tags(supplierTendering)).toEqual(['tender']);
    expect(JSON.stringify(supplierTendering)).not.toContain('budget');
    expect(JSON.stringify(supplierTendering)).not.toContain('50000');

    const evaluation = await drive(world)
      .resume(drafting.id)
      .closed([
        [people.supplier, 48_000],
        [people.rival, 45_500],
      ]);
    expect(tags(await ocdsAs(evaluation))).toEqual(['planning', 'tender']);

    const standstill = await drive(world).resume(drafting.id).awarded({ voluntaryStandstill: 'PT5S' });
    expect((await standstill.view()).stage).toBe('standstill');
    // Below threshold the award decision is kept for the audit, not published (PA2023 s.50 covers
    // public contracts only): staff see it as a release, a supplier does not.
    const staffStandstill = await ocdsAs(standstill);
    expect(tags(staffStandstill)).toEqual(['planning', 'tender', 'award']);
    expect(tags(await ocdsAs(standstill, people.supplier))).toEqual(['tender']);
    const notices = (await standstill.as(people.officer).get('/notices').expect(200)).body.notices;
    expect(notices[1]).toMatchObject({ type: 'award-decision', published: false });

    await eventually(
      () => standstill.view(),
      (v) => v.stage === 'in-delivery',
      30_000,
      'the contract',
    );
    await standstill.as(people.officer).post('/contract/notice').expect(200);
    const delivery = await ocdsAs(standstill);
    expect(tags(delivery)).toEqual(['planning', 'tender', 'award', 'contract', 'implementation']);
    const implementation = delivery.releases[4] as unknown as {
      contracts: { implementation: { milestones: { type: string; status: string }[] } }[];
    };
    expect(implementation.contracts[0].implementation.milestones).toEqual([
      expect.objectContaining({ id: 'interim-report', type: 'reporting', status: 'scheduled' }),
      expect.objectContaining({ id: 'final-report', type: 'reporting', status: 'scheduled' }),
    ]);
    const supplierDelivery = await ocdsAs(standstill, people.supplier);
    expect(tags(supplierDelivery)).toEqual(['tender', 'contract']);
    expect(JSON.stringify(supplierDelivery)).not.toContain('budget');

    // Completed: both reports accepted, so both reporting milestones are met; read from the read
    // model once the workflow has ended.
    const completed = await drive(world).resume(drafting.id).completed();
    expect((await completed.view()).stage).toBe('completed');
    const done = await ocdsAs(completed);
    const last = done.releases[done.releases.length - 1] as unknown as {
      tag: string[];
      contracts: { implementation: { milestones: { id: string; status: string }[] } }[];
    };
    expect(last.tag).toEqual(['implementation']);
    expect(last.contracts[0].implementation.milestones).toEqual([
      expect.objectContaining({ id: 'interim-report', status: 'met' }),
      expect.objectContaining({ id: 'final-report', status: 'met' }),
    ]);
    expectValidOcds((await completed.as(people.supplier).get('/ocds').expect(200)).body);
  });
});
