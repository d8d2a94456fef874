import { eventually } from '../support/eventually';
import { people, type TestUser } from '../support/people';
import { CRITERIA, secondsFromNow, signedOff, tendering } from '../support/tender';
import { startWorld, type World } from '../support/world';

const PROBLEM = /application\/problem\+json/;

describe('a whole tender on below-threshold, with periods of seconds', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world.stop());

  const ask = (who: TestUser, id: string, question: string) =>
    world.as(who).post(`/v1/commissions/${id}/clarifications`, { question });
  const bid = (who: TestUser, id: string, price: number, proposal: string) =>
    world.as(who).post(`/v1/commissions/${id}/bids`, { price, proposal });

  it('publishes, answers two questions with the asker hidden, takes three bids (one replaced), closes on time and opens the bids', async () => {
    const { id, closesAt, clarificationsCloseAt } = await tendering(world, 10, 18);
    const officer = world.as(people.officer);

    // The regime came from the value, with the reason shown to staff only.
    const asOfficer = await officer.get(`/v1/commissions/${id}`).expect(200);
    expect(asOfficer.body).toMatchObject({
      regime: 'below-threshold',
      stage: 'tendering',
      regimeBasis: {
        source: 'derived',
        reason: expect.stringMatching(/^£50,000 is below the £135,018 threshold/),
      },
      notices: [{ type: 'below-threshold-tender-notice', content: { closesAt, clarificationsCloseAt } }],
      tender: { document: { specificationVersion: 1 }, criteria: expect.any(Array), outcome: 'open' },
    });
    expect(asOfficer.body.allowedActions).toEqual(['move-deadline', 'cancel', 'answer-clarification']);

    // Any supplier reads the published tender, never the estimated value or the people.
    const asSupplier = await world.as(people.third).get(`/v1/commissions/${id}`).expect(200);
    expect(asSupplier.body).toMatchObject({
      stage: 'tendering',
      tender: { closesAt },
      notices: expect.any(Array),
    });
    expect(asSupplier.body).not.toHaveProperty('estimatedValue');
    expect(asSupplier.body).not.toHaveProperty('panel');
    expect(asSupplier.body.allowedActions).toEqual(['ask-clarification', 'submit-bid']);

    // Two questions from two suppliers, both answered.
    const q1 = await ask(people.supplier, id, 'May the study use Ofsted inspection data?').expect(201);
    const q2 = await ask(people.rival, id, 'Is a consortium bid allowed?').expect(201);
    expect(q1.body.clarification).toMatchObject({ askedByYou: true, answer: null });
    // The officers' tasks say so, due when questions close.
    const answerTask = async () =>
      (
        (await officer.get(`/v1/me/tasks`).expect(200)).body.items as { kind: string; commissionId: string }[]
      ).filter((t) => t.commissionId === id && t.kind === 'answer-questions');
    expect(await answerTask()).toEqual([
      expect.objectContaining({
        summary: 'Answer 2 suppliers’ questions',
        dueAt: clarificationsCloseAt,
        path: `/commissions/${id}/clarifications`,
      }),
    ]);
    await officer
      .post(`/v1/commissions/${id}/clarifications/${q1.body.clarification.id}/answer`, { answer: 'Yes.' })
      .expect(200);
    await officer
      .post(`/v1/commissions/${id}/clarifications/${q2.body.clarification.id}/answer`, {
        answer: 'Yes, with a lead supplier.',
      })
      .expect(200);
    expect(await answerTask()).toEqual([]);
    const seenByThird = await world.as(people.third).get(`/v1/commissions/${id}/clarifications`).expect(200);
    expect(seenByThird.body.clarifications).toHaveLength(2);
    for (const c of seenByThird.body.clarifications) {
      expect(c).toMatchObject({ askedByYou: false, answer: { text: expect.any(String) } });
      expect(c).not.toHaveProperty('askedBy');
    }
    const seenByRival = await world.as(people.rival).get(`/v1/commissions/${id}/clarifications`).expect(200);
    expect(JSON.stringify(seenByRival.body)).not.toContain(people.supplier.userId);
    expect(JSON.stringify(seenByRival.body)).not.toContain(people.supplier.name);
    const seenByOfficer = await officer.get(`/v1/commissions/${id}/clarifications`).expect(200);
    expect(
      seenByOfficer.body.clarifications.map((c: { askedBy: { userId: string } }) => c.askedBy.userId),
    ).toEqual([people.supplier.userId, people.rival.userId]);

    // Three bids, the first replaced by its supplier.
    const first = await bid(people.supplier, id, 120_000, '# Acme\n\nFirst proposal').expect(201);
    const second = await bid(people.rival, id, 99_500.5, '# Birch\n\nOur proposal').expect(201);
    const replaced = await bid(people.supplier, id, 110_000, '# Acme\n\nRevised proposal').expect(201);
    expect(first.body.receipt).toMatchObject({
      status: 'current',
      contentHash: expect.stringMatching(/^sha256:/),
    });
    expect(replaced.body.receipt).toMatchObject({ supersedes: first.body.receipt.bidId, status: 'current' });
    expect(first.body).not.toHaveProperty('receipt.price');
    const counted = await officer.get(`/v1/commissions/${id}/bids`).expect(200);
    expect(counted.body).toMatchObject({ sealed: true, count: 2 });
    for (const b of counted.body.bids) expect(b).not.toHaveProperty('proposal');

    // A question after the clarification deadline is refused by the workflow.
    await eventually(
      () => Date.now(),
      (now) => now >= Date.parse(clarificationsCloseAt) + 200,
      15_000,
    );
    const late = await ask(people.third, id, 'Too late?').expect(409);
    expect(late.headers['content-type']).toMatch(PROBLEM);
    expect(late.body).toMatchObject({ code: 'clarifications-closed', stage: 'tendering' });

    // The close, by itself, at the closing time.
    const closed = await eventually(
      () => officer.get(`/v1/commissions/${id}`),
      (r) => r.body.stage === 'evaluation',
      30_000,
      'the tender to close',
    );
    const history = await officer.get(`/v1/commissions/${id}/history`).expect(200);
    const closing = history.body.events.find((e: { action: string }) => e.action === 'tender-closed');
    expect(closing).toMatchObject({
      actor: { userId: 'system:scheduler' },
      fromStage: 'tendering',
      toStage: 'evaluation',
      detail: { bids: 2, outcome: 'bids-opened' },
    });
    const lateness = Date.parse(closing.at) - Date.parse(closesAt);
    console.log(`tender closed ${lateness} ms after its closing time`);
    expect(lateness).toBeGreaterThanOrEqual(0);
    expect(lateness).toBeLessThan(2_000);
    expect(closed.body.tender).toMatchObject({ outcome: 'bids-opened', closedAt: closing.at });

    // Bids opened: officers and panel read the current bids; each supplier still only its own.
    for (const who of [people.officer, people.chair]) {
      const opened = await world.as(who).get(`/v1/commissions/${id}/bids`).expect(200);
      expect(opened.body).toMatchObject({ sealed: false, count: 2 });
      const byId = new Map(opened.body.bids.map((b: { bidId: string }) => [b.bidId, b]));
      expect(byId.get(replaced.body.receipt.bidId)).toMatchObject({
        price: 110_000,
        proposal: '# Acme\n\nRevised proposal',
      });
      expect(byId.get(second.body.receipt.bidId)).toMatchObject({
        price: 99_500.5,
        proposal: '# Birch\n\nOur proposal',
      });
      // The superseded bid stays sealed.
      expect(byId.get(first.body.receipt.bidId)).not.toHaveProperty('proposal');
    }
    const observer = await world.as(people.observer).get(`/v1/commissions/${id}/bids`).expect(200);
    for (const b of observer.body.bids) expect(b).not.toHaveProperty('price');
    const rival = await world.as(people.rival).get(`/v1/commissions/${id}/bids`).expect(200);
    expect(rival.body.bids).toEqual([
      expect.objectContaining({ bidId: second.body.receipt.bidId, price: 99_500.5 }),
    ]);
    expect(rival.body).not.toHaveProperty('count');

    // A bid after the close is refused, and nothing of it is kept.
    const afterClose = await bid(people.third, id, 1, 'late').expect(409);
    expect(afterClose.body).toMatchObject({ code: 'tender-closed', stage: 'evaluation' });
    const kept = await world.ds.query(`SELECT supplier_id FROM sealed_bids WHERE commission_id = $1`, [id]);
    expect(kept.map((r: { supplier_id: string }) => r.supplier_id).sort()).toEqual(
      [people.supplier.userId, people.supplier.userId, people.rival.userId].sort(),
    );

    // Officers and panel are told; each bidder gets its own receipt, naming only its bid.
    type Row = { message: string; recipients: { userId: string }[] };
    const messages: Row[] = await eventually(
      (): Promise<Row[]> =>
        world.ds.query(
          `SELECT message, recipients FROM notifications WHERE commission_id = $1 AND topic = 'message' ORDER BY key`,
          [id],
        ),
      (rows) => rows.length >= 3,
      10_000,
      'the close messages',
    );
    const to = (m: string) =>
      messages.filter((r) => r.message === m).map((r) => r.recipients.map((p) => p.userId));
    expect(to('tender-closed')).toEqual([[people.officer.userId, people.chair.userId]]);
    expect(to('tender-closed-bid-receipt').sort()).toEqual(
      [[people.rival.userId], [people.supplier.userId]].sort(),
    );
  });

  it('closes with no bids as unsuccessful, from which an officer reopens to drafting', async () => {
    const { id } = await tendering(world, 2, 4);
    const unsuccessful = await eventually(
      () => world.as(people.officer).get(`/v1/commissions/${id}`),
      (r) => r.body.stage === 'unsuccessful',
      20_000,
      'the tender to close with no bids',
    );
    expect(unsuccessful.body.allowedActions).toEqual(['move-deadline', 'cancel', 'reopen']);
    await world.as(people.chair).post(`/v1/commissions/${id}/reopen`, { reason: 'x' }).expect(403);
    const reopened = await world
      .as(people.officer)
      .post(`/v1/commissions/${id}/reopen`, { reason: 'No bids: widen the scope' })
      .expect(200);
    expect(reopened.body).toMatchObject({ stage: 'drafting', tender: { outcome: 'no-bids' } });

    // Re-drafted, signed off again, and tendered again: the first tender is kept.
    const officer = world.as(people.officer);
    await officer.put(`/v1/commissions/${id}/specification`, { content: '# Scope\n\nWider' }).expect(200);
    await officer
      .post(`/v1/commissions/${id}/specification/submit`, { respondBy: secondsFromNow(3600) })
      .expect(200);
    await world
      .as(people.chair)
      .post(`/v1/commissions/${id}/sign-offs`, { decision: 'approve', specificationVersion: 2 })
      .expect(200);
    const again = await officer
      .post(`/v1/commissions/${id}/tender`, {
        closesAt: secondsFromNow(3600),
        clarificationsCloseAt: secondsFromNow(1800),
        criteria: CRITERIA,
      })
      .expect(200);
    expect(again.body).toMatchObject({
      stage: 'tendering',
      tender: { round: 2, document: { specificationVersion: 2 } },
      pastTenders: [{ round: 1, outcome: 'no-bids' }],
    });
    await officer.post(`/v1/commissions/${id}/cancel`, { reason: 'test over' }).expect(200);
  });

  it("an extended close is the tender's: a bid after the old close is taken, and the tender closes at the new one", async () => {
    const { id, closesAt } = await tendering(world, 1, 3);
    const officer = world.as(people.officer);
    const extended = secondsFromNow(8);
    const moved = await officer
      .post(`/v1/commissions/${id}/deadlines`, {
        milestone: 'tender-close',
        dueAt: extended,
        reason: 'An addendum gives bidders more time',
      })
      .expect(200);
    expect(moved.body.tender).toMatchObject({ closesAt: extended });
    // A supplier's list shows the published commission without the staff's own deadlines.
    const listed = await world
      .as(people.supplier)
      .get('/v1/commissions?stage=tendering&limit=100')
      .expect(200);
    const row = listed.body.items.find((c: { id: string }) => c.id === id);
    expect(Object.keys(row.keyDates).sort()).toEqual(['finalReportDueAt', 'interimReportDueAt']);
    const overdue = await world.as(people.supplier).get('/v1/commissions?overdue=true').expect(400);
    expect(overdue.body.errors).toEqual([expect.objectContaining({ field: 'overdue' })]);
    const staffRow = (
      await officer.get('/v1/commissions?stage=tendering&limit=100').expect(200)
    ).body.items.find((c: { id: string }) => c.id === id);
    expect(staffRow.keyDates).toHaveProperty('nextDueAt');
    // Questions must still close before the tender: not after the new close.
    await officer
      .post(`/v1/commissions/${id}/deadlines`, {
        milestone: 'clarification',
        dueAt: secondsFromNow(3600),
        reason: 'x',
      })
      .expect(400);

    const oldClose = Date.parse(closesAt);
    await new Promise((r) => setTimeout(r, Math.max(0, oldClose - Date.now() + 200)));
    await bid(people.supplier, id, 80_000, '# Acme\n\nAfter the first close').expect(201);
    const closed = await eventually(
      () => officer.get(`/v1/commissions/${id}`),
      (r) => r.body.stage === 'evaluation',
      20_000,
      'the tender to close at its extended time',
    );
    expect(Date.parse(closed.body.tender.closedAt)).toBeGreaterThanOrEqual(Date.parse(extended));
    await officer.post(`/v1/commissions/${id}/cancel`, { reason: 'test over' }).expect(200);
  });

  it('refuses to publish while the commission it depends on has not delivered', async () => {
    const first = await signedOff(world);
    const second = await signedOff(world, {
      estimatedValue: 50_000,
      dependsOn: { commissionId: first, gate: 'interim-report-accepted' },
    });
    const res = await world
      .as(people.officer)
      .post(`/v1/commissions/${second}/tender`, {
        closesAt: new Date(Date.now() + 3_600_000).toISOString(),
        clarificationsCloseAt: new Date(Date.now() + 1_800_000).toISOString(),
        criteria: [{ name: 'Quality', kind: 'quality', weight: 100 }],
      })
      .expect(409);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({
      code: 'dependency-unmet',
      stage: 'signed-off',
      dependsOn: first,
      gate: 'interim-report-accepted',
    });
    const view = await world.as(people.officer).get(`/v1/commissions/${second}`).expect(200);
    expect(view.body.dependency).toMatchObject({ status: 'waiting', commissionId: first });
  });

  it('reminds the asking supplier on its own, and escalates questions unanswered at the clarification deadline until answered', async () => {
    const { id, clarificationsCloseAt } = await tendering(world, 6, 60, {
      reminderPolicy: { before: ['PT3S'], overdueEvery: 'PT1H' },
      observers: [
        { userId: people.observer.userId, name: people.observer.name, email: people.observer.email },
      ],
    });
    const q = await ask(people.supplier, id, 'Unanswered for now?').expect(201);
    type Row = {
      key: string;
      topic: string;
      message: string | null;
      milestone: string | null;
      kind: string;
      recipients: { userId: string }[];
    };
    const outbox = (): Promise<Row[]> =>
      world.ds.query(
        `SELECT key, topic, message, milestone, kind, recipients FROM notifications WHERE commission_id = $1 ORDER BY scheduled_for, key`,
        [id],
      );
    const rows = await eventually(
      outbox,
      (r) => r.some((n) => n.milestone === 'clarification' && n.kind === 'escalation'),
      20_000,
      'the clarification escalation',
    );
    const reminder = rows.filter((n) => n.message === 'tender-deadline-reminder');
    expect(reminder.map((n) => n.recipients.map((p) => p.userId))).toEqual([[people.supplier.userId]]);
    const escalation = rows.find((n) => n.milestone === 'clarification' && n.kind === 'escalation')!;
    expect(escalation.recipients.map((p) => p.userId).sort()).toEqual(
      [people.observer.userId, people.officer.userId].sort(),
    );
    const view = await world.as(people.officer).get(`/v1/commissions/${id}`).expect(200);
    const clarification = view.body.deadlines.find(
      (d: { milestone: string }) => d.milestone === 'clarification',
    );
    expect(clarification).toMatchObject({ version: 2, closedReason: null });
    expect(Date.parse(clarification.dueAt)).toBeGreaterThanOrEqual(Date.parse(clarificationsCloseAt));
    const answered = await world
      .as(people.officer)
      .post(`/v1/commissions/${id}/clarifications/${q.body.clarification.id}/answer`, {
        answer: 'Now answered.',
      })
      .expect(200);
    expect(answered.body.clarifications).toEqual([
      expect.objectContaining({ answer: expect.objectContaining({ text: 'Now answered.' }) }),
    ]);
    const after = await world.as(people.officer).get(`/v1/commissions/${id}`).expect(200);
    expect(
      after.body.deadlines.find((d: { milestone: string }) => d.milestone === 'clarification'),
    ).toMatchObject({
      version: 2,
      closedReason: 'met',
    });
    await world.as(people.officer).post(`/v1/commissions/${id}/cancel`, { reason: 'test over' }).expect(200);
  });

  it('gives a supplier the tender document to bid against, and nothing before it is published', async () => {
    const draft = await signedOff(world, { estimatedValue: 50_000 });
    const documentOf = (who: TestUser, id: string) =>
      world.as(who).get(`/v1/commissions/${id}/tender/document`);
    // Unpublished: a supplier may not even learn that the commission exists; staff learn why.
    await documentOf(people.supplier, draft).expect(404);
    const staff = await documentOf(people.officer, draft).expect(404).expect('content-type', PROBLEM);
    expect(staff.body.detail).toMatch(/no tender has been published/);
    await world
      .as(people.officer)
      .post(`/v1/commissions/${draft}/cancel`, { reason: 'test over' })
      .expect(200);

    const { id } = await tendering(world, 600, 1200);
    const read = await documentOf(people.supplier, id).expect(200);
    expect(read.body).toEqual({
      commissionId: id,
      stage: 'tendering',
      version: expect.any(Number),
      allowedActions: ['ask-clarification', 'submit-bid'],
      specificationVersion: 1,
      contentHash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      content: '# Scope\n\nThe study.',
    });
    // The same text for the panel; a supplier still cannot read how it was drafted.
    expect((await documentOf(people.chair, id).expect(200)).body.content).toBe(read.body.content);
    await world.as(people.supplier).get(`/v1/commissions/${id}/specification`).expect(403);
    await world.as(people.officer).post(`/v1/commissions/${id}/cancel`, { reason: 'test over' }).expect(200);
  });

  it('only suppliers ask and bid, only officers answer and publish', async () => {
    const { id } = await tendering(world, 600, 1200);
    await ask(people.officer, id, 'Staff question?').expect(403);
    await bid(people.chair, id, 1, 'x').expect(403);
    await world.as(people.supplier).post(`/v1/commissions/${id}/tender`, {}).expect(403);
    const q = await ask(people.supplier, id, 'A question').expect(201);
    await world
      .as(people.chair)
      .post(`/v1/commissions/${id}/clarifications/${q.body.clarification.id}/answer`, { answer: 'No' })
      .expect(403);
    await world
      .as(people.officer)
      .post(`/v1/commissions/${id}/clarifications/00000000-0000-4000-8000-000000000000/answer`, {
        answer: 'No',
      })
      .expect(404);
    await bid(people.supplier, id, -1, 'x').expect(400);
    await world.as(people.officer).post(`/v1/commissions/${id}/cancel`, { reason: 'done' }).expect(200);
  });
});
