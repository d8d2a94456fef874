import { drive } from '../support/drive';
import { eventually } from '../support/eventually';
import { CommissionFactory } from '../support/factories';
import { evaluating, scoreBid } from '../support/award';
import { people } from '../support/people';
import { startSmtpReceiver, type SmtpReceiver } from '../support/receivers';
import { startWorld, type World } from '../support/world';

const PROBLEM = /application\/problem\+json/;

describe('evaluation, award, standstill and contract on below-threshold, in seconds', () => {
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

  it('three bids, three members with one conflicted, award, a summary to each bidder alone, standstill ended on time, in-delivery', async () => {
    const { id, bids } = await evaluating(world, {
      panel: 3,
      bids: [
        [people.supplier, 120_000],
        [people.rival, 100_000],
        [people.third, 150_000],
      ],
    });
    const path = (sub: string) => `/v1/commissions/${id}${sub}`;
    const officer = world.as(people.officer);
    const acme = bids[people.supplier.userId];
    const birch = bids[people.rival.userId];
    const cedar = bids[people.third.userId];

    // Wood scores Birch, then declares a conflict with it: the scores are withdrawn, audited.
    await scoreBid(world, id, people.wood, birch, 95, 95).expect(200);
    await world
      .as(people.wood)
      .post(path('/conflicts'), { supplier: people.rival.userId, reason: 'My former employer' })
      .expect(201);
    const refused = await scoreBid(world, id, people.wood, birch, 90, 90).expect(403);
    expect(refused.headers['content-type']).toMatch(PROBLEM);
    expect(refused.body).toMatchObject({
      code: 'conflict-of-interest',
      conflictSupplier: people.rival.userId,
    });
    expect(refused.body.detail).toContain('My former employer');

    // Not everyone has scored: the award is refused, naming who owes what.
    await scoreBid(world, id, people.chair, acme, 70, 70).expect(200);
    const early = await officer.post(path('/award'), { bidId: acme, rationale: 'Best' }).expect(409);
    expect(early.body).toMatchObject({ code: 'scoring-incomplete' });
    expect(early.body.detail).toContain(people.trowler.name);

    // Everyone scores; the chair revises Method on Acme (Team stays 70, so is no revision).
    for (const m of [people.chair, people.wood, people.trowler]) {
      await scoreBid(world, id, m, acme, 80, 70).expect(200);
      if (m !== people.wood) await scoreBid(world, id, m, birch, 60, 60).expect(200);
      await scoreBid(world, id, m, cedar, 50, 50).expect(200);
    }
    const evaluation = await world.as(people.chair).get(path('/evaluation')).expect(200);
    expect(evaluation.body.evaluation).toMatchObject({
      complete: true,
      outstanding: [],
      excluded: [{ member: { userId: people.wood.userId }, bidId: birch }],
      withdrawn: [
        { member: { userId: people.wood.userId }, bidId: birch, criterion: 'Method', score: 95 },
        { member: { userId: people.wood.userId }, bidId: birch, criterion: 'Team', score: 95 },
      ],
    });
    const ranking = evaluation.body.evaluation.bids.map(
      (b: { bidId: string; total: number; rank: number }) => [b.bidId, b.total, b.rank],
    );
    // Acme 80·.5 + 70·.2 + 83.33·.3; Birch 60·.5 + 60·.2 + 100·.3 (Wood left out); Cedar 50, 50, 66.67.
    expect(ranking).toEqual([
      [acme, 79, 1],
      [birch, 72, 2],
      [cedar, 55, 3],
    ]);
    expect(evaluation.body.evaluation.scores.filter((x: { revisions: number }) => x.revisions > 0)).toEqual([
      expect.objectContaining({ bidId: acme, criterion: 'Method', score: 80, revisions: 1 }),
    ]);
    await world.as(people.observer).get(path('/evaluation')).expect(403);
    await world.as(people.supplier).get(path('/evaluation')).expect(403);

    // Not the top-ranked without a reason: refused. The top one, with a voluntary standstill.
    const notTop = await officer.post(path('/award'), { bidId: birch, rationale: 'Cheapest' }).expect(409);
    expect(notTop.body).toMatchObject({ code: 'not-top-ranked', topRanked: acme });
    await officer
      .post(path('/award'), {
        bidId: acme,
        rationale: 'Highest total',
        voluntaryStandstill: 'not-a-duration',
      })
      .expect(400);
    const awarded = await officer
      .post(path('/award'), { bidId: acme, rationale: 'The highest total', voluntaryStandstill: 'PT6S' })
      .expect(200);
    expect(awarded.body).toMatchObject({
      stage: 'standstill',
      award: { bidId: acme, value: 120_000, standstill: { kind: 'voluntary', voluntary: 'PT6S' } },
    });
    expect(awarded.body.notices.at(-1)).toMatchObject({
      type: 'award-decision',
      content: { value: 120_000 },
    });
    const endsAt: string = awarded.body.award.standstill.endsAt;
    expect(Date.parse(endsAt) - Date.parse(awarded.body.award.awardedAt)).toBeGreaterThan(4_000);

    // Each bidder reads its own summary and nobody else's; no member's scores.
    for (const [who, bidId] of [
      [people.supplier, acme],
      [people.rival, birch],
      [people.third, cedar],
    ] as const) {
      const seen = await world.as(who).get(path('')).expect(200);
      expect(seen.body).not.toHaveProperty('evaluation');
      expect(seen.body.award.yourSummaries).toEqual([
        expect.objectContaining({ bidId, successful: bidId === acme }),
      ]);
      const others = [acme, birch, cedar].filter((b) => b !== bidId && b !== acme);
      for (const other of others) expect(JSON.stringify(seen.body)).not.toContain(other);
    }

    // One summary mail per bidder, to it alone, with its own scores against the winner's.
    const summaries = await eventually(
      () =>
        smtp.mails.filter(
          (m) => m.notificationKey.startsWith(`${id}:`) && /assessment summary/.test(m.subject),
        ),
      (mails) => mails.length >= 3,
      20_000,
      'three assessment summaries',
    );
    expect(summaries).toHaveLength(3);
    const to = (u: { email: string }) => summaries.filter((m) => m.to.includes(u.email));
    for (const [who, bidId, others] of [
      [people.supplier, acme, [birch, cedar]],
      [people.rival, birch, [acme, cedar]],
      [people.third, cedar, [acme, birch]],
    ] as const) {
      const mine = to(who);
      expect(mine).toHaveLength(1);
      expect(mine[0].to).toEqual([who.email]);
      expect(mine[0].text).toContain(bidId);
      for (const o of others) expect(mine[0].text).not.toContain(o);
    }
    expect(to(people.rival)[0].text).toContain("Price (30%): yours 100, the winning bid's 83.33");

    // The standstill ends by itself, on time, and the contract is entered into.
    const delivered = await eventually(
      () => officer.get(path('')),
      (r) => r.body.stage === 'in-delivery',
      30_000,
      'the standstill to end',
    );
    const history = await officer.get(path('/history')).expect(200);
    const entered = history.body.events.find((e: { action: string }) => e.action === 'contract-entered');
    expect(entered).toMatchObject({
      actor: { userId: 'system:scheduler' },
      fromStage: 'standstill',
      toStage: 'in-delivery',
    });
    const lateness = Date.parse(entered.at) - Date.parse(endsAt);
    console.log(`standstill ended ${lateness} ms after its end`);
    expect(lateness).toBeGreaterThanOrEqual(0);
    expect(lateness).toBeLessThan(2_000);
    expect(delivered.body.contract).toMatchObject({
      bidId: acme,
      supplier: { userId: people.supplier.userId },
      value: 120_000,
      startDate: entered.at,
      milestones: delivered.body.milestones,
    });
    const notice = delivered.body.deadlines.find(
      (d: { milestone: string }) => d.milestone === 'contract-notice',
    );
    expect(Date.parse(notice.dueAt) - Date.parse(entered.at)).toBe(30 * 86_400_000);
    const published = await officer.post(path('/contract/notice')).expect(200);
    expect(published.body.notices.at(-1)).toMatchObject({ type: 'below-threshold-contract-details-notice' });
    expect(
      published.body.deadlines.find((d: { milestone: string }) => d.milestone === 'contract-notice'),
    ).toMatchObject({ closedReason: 'met' });
    const conflictEvent = history.body.events.find(
      (e: { action: string }) => e.action === 'conflict-declared',
    );
    expect(conflictEvent.detail).toMatchObject({ withdrawnScores: 2 });

    // The winner and the other bidders are told, each alone.
    const told = await eventually(
      () => smtp.mails.filter((m) => m.notificationKey.includes(':contract-entered')),
      (mails) => mails.length >= 3,
      20_000,
      'the contract messages',
    );
    expect(told.map((m) => m.to).sort()).toEqual(
      [[people.supplier.email], [people.rival.email], [people.third.email]].sort(),
    );
    const winner = await world.as(people.supplier).get(path('')).expect(200);
    expect(winner.body.contract).toMatchObject({ value: 120_000 });
    const loser = await world.as(people.rival).get(path('')).expect(200);
    expect(loser.body).not.toHaveProperty('contract');
  });

  it('below threshold without a voluntary standstill, the contract is entered into at once (driven)', async () => {
    const c = await drive(world)
      .opened({ factory: CommissionFactory.withPanel(2).unanimous().with({ estimatedValue: 50_000 }) })
      .submitted()
      .signedOff()
      .tendered({ closesIn: 6 })
      .closed([
        [people.supplier, 1_000],
        [people.rival, 800],
      ])
      .awarded();
    const delivered = await eventually(
      () => c.view(),
      (v) => v.stage === 'in-delivery',
      15_000,
      'the contract',
    );
    expect(delivered.award).toMatchObject({
      standstill: { kind: 'none' },
      supplier: { userId: people.rival.userId },
    });
    expect(delivered.contract).toMatchObject({ value: 800, supplier: { userId: people.rival.userId } });
  });

  it('a challenge during standstill suspends entry; lifting it after the end enters the contract at once', async () => {
    const { id, bids } = await evaluating(world, { panel: 1, bids: [[people.supplier, 90_000]] });
    const path = (sub: string) => `/v1/commissions/${id}${sub}`;
    const officer = world.as(people.officer);
    const acme = bids[people.supplier.userId];
    await scoreBid(world, id, people.chair, acme, 70, 70).expect(200);
    const awarded = await officer
      .post(path('/award'), { bidId: acme, rationale: 'The only bid', voluntaryStandstill: 'PT4S' })
      .expect(200);
    const endsAt: string = awarded.body.award.standstill.endsAt;
    await world.as(people.chair).post(path('/challenges'), { reason: 'x' }).expect(403);
    const challenge = await officer.post(path('/challenges'), { reason: 'A claim was issued' }).expect(201);
    expect(challenge.body).toMatchObject({ stage: 'standstill', challenge: { lifted: null } });
    const cid: string = challenge.body.challenge.id;

    // The end passes: the standstill is over, but the contract is not entered into.
    await eventually(
      () => officer.get(path('/history')),
      (r) => r.body.events.some((e: { action: string }) => e.action === 'standstill-ended'),
      20_000,
      'the standstill end',
    );
    const suspended = await officer.get(path('')).expect(200);
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(endsAt));
    expect(suspended.body).toMatchObject({ stage: 'standstill', challenges: [{ id: cid, lifted: null }] });
    expect(suspended.body).not.toHaveProperty('contract');

    await officer.post(path(`/challenges/${cid}/lift`), {}).expect(400);
    const lifted = await officer
      .post(path(`/challenges/${cid}/lift`), { reason: 'Claim struck out' })
      .expect(200);
    expect(lifted.body).toMatchObject({ stage: 'in-delivery', contract: { value: 90_000 } });
    const again = await officer.post(path(`/challenges/${cid}/lift`), { reason: 'again' }).expect(409);
    expect(again.body).toMatchObject({ code: 'wrong-stage' });
  });
});
