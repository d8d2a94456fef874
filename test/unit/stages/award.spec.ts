import {
  evaluationSummary,
  priceScore,
  priceScores,
  type AwardContract,
  type CommissionView,
  type StandstillBasis,
} from '@app/contracts';
import { applyDeadlineChanges } from '../../../workflows/commission/kernel/deadline-book';
import {
  applyAward,
  applyLiftChallenge,
  applyPublishContractNotice,
  checkPublishContractNotice,
  applyRecordChallenge,
  checkAward,
  checkLiftChallenge,
  checkRecordChallenge,
  endStandstill,
} from '../../../workflows/commission/stages/award';
import { checkMoveDeadline } from '../../../workflows/commission/stages/deadlines';
import { checkScoreBid } from '../../../workflows/commission/stages/evaluation';
import { people } from '../fixtures';
import { BIDS, conflict, evaluating, score, scoreAll, uuid } from './evaluation-steps';

const AWARD_AT = '2030-02-20T10:00:00.000Z';
const AWARDING = Date.parse(AWARD_AT) + 60_000;
const ENDS_AT = '2030-03-04T00:00:00.000Z';
const PRICES = [
  { bidId: BIDS.acme, price: 120_000 },
  { bidId: BIDS.birch, price: 100_000 },
  { bidId: BIDS.cedar, price: 150_000 },
];

describe('the price formula: lowest ÷ bid × 100', () => {
  it.each([
    [100_000, 100_000, 100],
    [100_000, 120_000, 83.33],
    [100_000, 150_000, 66.67],
    [100_000, 200_000, 50],
    [99_500.5, 110_000, 90.46],
  ])('lowest %d, bid %d scores %d', (lowest, price, score) => {
    expect(priceScore(lowest, price)).toBe(score);
  });

  it('scores the cheapest of a list 100 and refuses a price below the lowest or not positive', () => {
    expect(priceScores(PRICES)).toEqual([
      { bidId: BIDS.acme, score: 83.33 },
      { bidId: BIDS.birch, score: 100 },
      { bidId: BIDS.cedar, score: 66.67 },
    ]);
    expect(() => priceScore(100, 99)).toThrow(RangeError);
    expect(() => priceScore(-1, 10)).toThrow(RangeError);
    expect([priceScore(0, 0), priceScore(0, 10)]).toEqual([100, 0]);
  });
});

const standstill = (over: Partial<StandstillBasis> = {}): StandstillBasis => ({
  regime: 'PA2023',
  kind: 'statutory',
  assumedFrom: AWARD_AT,
  endsAt: ENDS_AT,
  voluntary: null,
  rule: { citation: 'PA2023 s.51(2)', text: '8 working days' },
  calendarVersion: 'cal-v1',
  ...over,
});

const awardCmd = (over: Partial<AwardContract> = {}): AwardContract => ({
  actor: people.officer,
  bidId: BIDS.acme,
  rationale: 'The highest total.',
  departureReason: null,
  prices: PRICES,
  standstill: standstill(),
  ...over,
});

describe('scoring', () => {
  it('takes quality scores 0–100 with comments, revises them, and refuses price, other criteria and bad scores', () => {
    const s = evaluating();
    expect(score(s, people.chair, BIDS.acme, 70, 70)).toMatchObject({ action: 'bid-scored' });
    const revised = score(s, people.chair, BIDS.acme, 75, 70);
    expect(revised?.detail).toMatchObject({ scores: [{ criterion: 'Method', score: 75 }] });
    expect(s.evaluation!.scores.find((x) => x.criterion === 'Method')).toMatchObject({
      score: 75,
      revisions: 1,
    });
    expect(score(s, people.chair, BIDS.acme, 75, 70)).toBeNull();
    const bad = (scores: { criterion: string; score: number; comment: string }[]) =>
      checkScoreBid(s, { actor: people.chair, bidId: BIDS.acme, scores })?.code;
    expect(bad([{ criterion: 'Price', score: 90, comment: 'cheap' }])).toBe('invalid-input');
    expect(bad([{ criterion: 'Method', score: 101, comment: 'x' }])).toBe('invalid-input');
    expect(bad([{ criterion: 'Method', score: 50.5, comment: 'x' }])).toBe('invalid-input');
    expect(bad([{ criterion: 'Method', score: 50, comment: '' }])).toBe('invalid-input');
    expect(checkScoreBid(s, { actor: people.chair, bidId: uuid(9), scores: [] })?.code).toBe('no-such-bid');
    expect(checkScoreBid(s, { actor: people.officer, bidId: BIDS.acme, scores: [] })?.code).toBe(
      'wrong-role',
    );
  });

  it('refuses a conflicted member naming the conflict, and a conflict declared during evaluation withdraws that member’s scores', () => {
    const s = evaluating();
    score(s, people.wood, BIDS.birch, 95, 95);
    score(s, people.wood, BIDS.acme, 80, 70);
    const declared = conflict(s, people.wood, people.rival.userId);
    expect(declared?.detail).toMatchObject({ withdrawnScores: 2 });
    expect(s.evaluation!.scores.filter((x) => x.member.userId === people.wood.userId)).toHaveLength(2);
    expect(s.evaluation!.withdrawn).toHaveLength(2);
    expect(s.evaluation!.withdrawn[0]).toMatchObject({
      bidId: BIDS.birch,
      score: 95,
      reason: expect.stringContaining(people.rival.userId),
    });
    const refused = checkScoreBid(s, {
      actor: people.wood,
      bidId: BIDS.birch,
      scores: [{ criterion: 'Method', score: 10, comment: 'x' }],
    });
    expect(refused).toMatchObject({
      code: 'conflict-of-interest',
      facts: { conflictSupplier: people.rival.userId },
    });
    expect(refused?.reason).toContain('A former employer');
    // A conflict named by the supplier's name counts too.
    conflict(s, people.trowler, 'cedar evaluation');
    expect(checkScoreBid(s, { actor: people.trowler, bidId: BIDS.cedar, scores: [] })?.code).toBe(
      'conflict-of-interest',
    );
  });

  it('computes means without the conflicted, price scores by formula, weighted totals, the ranking and what is owed', () => {
    const s = evaluating();
    conflict(s, people.wood, people.rival.userId);
    expect(evaluationSummary(s).outstanding).toHaveLength(8);
    scoreAll(s);
    const summary = evaluationSummary(s, PRICES);
    expect(summary.outstanding).toEqual([]);
    expect(summary.excluded).toEqual([
      {
        member: { userId: people.wood.userId, name: people.wood.name },
        bidId: BIDS.birch,
        conflict: 'A former employer',
      },
    ]);
    expect(summary.bids.map((b) => [b.bidId, b.total, b.rank])).toEqual([
      [BIDS.acme, 79, 1],
      [BIDS.birch, 72, 2],
      [BIDS.cedar, 55, 3],
    ]);
    expect(summary.bids[1].criteria[0]).toMatchObject({ name: 'Method', score: 60, scoredBy: 2 });
    // Without prices there is no total yet.
    expect(evaluationSummary(s).bids.every((b) => b.total === null && b.rank === null)).toBe(true);
  });
});

describe('the award', () => {
  it('is refused while an eligible member has not scored, and for a lower-ranked bid without a reason', () => {
    const s = evaluating();
    score(s, people.chair, BIDS.acme, 80, 70);
    const incomplete = checkAward(s, awardCmd(), AWARDING);
    expect(incomplete?.code).toBe('scoring-incomplete');
    expect(incomplete?.reason).toContain(people.wood.name);
    conflict(s, people.wood, people.rival.userId);
    scoreAll(s);
    expect(checkAward(s, awardCmd({ bidId: BIDS.birch }), AWARDING)).toMatchObject({
      code: 'not-top-ranked',
      facts: { rank: '2', topRanked: BIDS.acme },
    });
    expect(
      checkAward(s, awardCmd({ bidId: BIDS.birch, departureReason: 'Acme cannot start in time' }), AWARDING),
    ).toBeNull();
    expect(checkAward(s, awardCmd({ prices: PRICES.slice(1) }), AWARDING)?.code).toBe('invalid-input');
    expect(checkAward(s, awardCmd({ standstill: standstill({ regime: 'PCR2015' }) }), AWARDING)?.code).toBe(
      'invalid-input',
    );
    expect(checkAward(s, awardCmd(), AWARDING)).toBeNull();
  });

  it('is refused when the statutory standstill was computed on another London day (PA2023 s.51)', () => {
    const s = evaluating();
    conflict(s, people.wood, people.rival.userId);
    scoreAll(s);
    // Computed at 23:59:30 on 20 February (GMT), applied after midnight.
    const late = standstill({ assumedFrom: '2030-02-20T23:59:30.000Z' });
    const r = checkAward(s, awardCmd({ standstill: late }), Date.parse('2030-02-21T00:00:05.000Z'));
    expect(r).toMatchObject({
      code: 'computed-for-another-day',
      facts: { assumedDay: '2030-02-20', today: '2030-02-21' },
    });
    expect(checkAward(s, awardCmd({ standstill: late }), Date.parse('2030-02-20T23:59:59.000Z'))).toBeNull();
    // A voluntary standstill runs for a duration from the award itself: no day to miss.
    const voluntary = standstill({ kind: 'voluntary', assumedFrom: '2030-02-20T23:59:30.000Z' });
    expect(
      checkAward(s, awardCmd({ standstill: voluntary }), Date.parse('2030-02-21T00:00:05.000Z')),
    ).toBeNull();
  });

  it('records the UK6 notice, a summary per bidder with only its own scores against the winner’s, and opens the standstill', () => {
    const s = evaluating();
    scoreAll(s);
    const change = applyAward(s, awardCmd(), AWARD_AT);
    expect(s.stage).toBe('standstill');
    expect(s.award).toMatchObject({
      bidId: BIDS.acme,
      value: 120_000,
      supplier: { userId: people.supplier.userId },
    });
    expect(s.notices!.at(-1)).toMatchObject({
      type: 'UK6',
      content: { value: 120_000, standstillEndsAt: ENDS_AT },
    });
    expect(change.deadlines).toEqual([{ open: 'standstill-end', dueAt: ENDS_AT, onDue: 'end-standstill' }]);
    expect(change.messages!.map((m) => [m.message, m.recipients.map((r) => r.userId)])).toEqual([
      ['assessment-summary', [people.supplier.userId]],
      ['assessment-summary', [people.rival.userId]],
      ['assessment-summary', [people.third.userId]],
    ]);
    const toBirch = change.messages![1].facts;
    expect(toBirch).toMatchObject({
      bidId: BIDS.birch,
      successful: 'false',
      total: '72',
      winnersTotal: '79',
    });
    expect(toBirch.scores).toContain("Price (30%): yours 100, the winning bid's 83.33");
    expect(JSON.stringify(toBirch)).not.toContain(BIDS.cedar);
  });
});

describe('the standstill and the contract', () => {
  function awarded(): CommissionView {
    const s = evaluating();
    scoreAll(s);
    const change = applyAward(s, awardCmd(), AWARD_AT);
    applyDeadlineChanges(s, change.deadlines!, Date.parse(AWARD_AT));
    return s;
  }

  it('enters the contract by itself at the end, with the supplier, value, start and milestones, and the UK7 due in 30 days', () => {
    const s = awarded();
    const change = endStandstill(s, ENDS_AT)!;
    expect(s.stage).toBe('in-delivery');
    expect(s.contract).toEqual({
      bidId: BIDS.acme,
      supplier: expect.objectContaining({ userId: people.supplier.userId }),
      value: 120_000,
      startDate: ENDS_AT,
      enteredAt: ENDS_AT,
      milestones: s.milestones,
    });
    expect(change.deadlines).toEqual([{ open: 'contract-notice', dueAt: '2030-04-03T00:00:00.000Z' }]);
    expect(change.detail).toMatchObject({ contractNotice: { type: 'UK7' } });
    expect(change.messages!.map((m) => [m.message, m.recipients[0].userId])).toEqual([
      ['contract-entered', people.supplier.userId],
      ['contract-entered-unsuccessful', people.rival.userId],
      ['contract-entered-unsuccessful', people.third.userId],
    ]);
    applyDeadlineChanges(s, change.deadlines!, Date.parse(ENDS_AT));
    const notice = { actor: people.officer };
    expect(checkPublishContractNotice(s, { actor: people.chair })?.code).toBe('wrong-role');
    expect(checkPublishContractNotice(s, notice)).toBeNull();
    const published = applyPublishContractNotice(s, notice, '2030-03-10T10:00:00.000Z');
    expect(published).toMatchObject({ deadlines: [{ close: 'contract-notice', reason: 'met' }] });
    expect(s.notices!.at(-1)).toMatchObject({ type: 'UK7', content: { value: 120_000, startDate: ENDS_AT } });
    expect(applyPublishContractNotice(s, notice, '2030-03-11T10:00:00.000Z')).toBeNull();
  });

  it('stays suspended at the end while a challenge is active; lifting it after the end enters the contract', () => {
    const s = awarded();
    const cmd = { actor: people.officer, challengeId: uuid(7), reason: 'A claim was issued' };
    expect(checkRecordChallenge(s, cmd)).toBeNull();
    applyRecordChallenge(s, cmd, '2030-02-25T10:00:00.000Z');
    expect(endStandstill(s, ENDS_AT)).toMatchObject({
      action: 'standstill-ended',
      detail: { contractSuspended: true },
    });
    expect(s.stage).toBe('standstill');
    const lift = { actor: people.officer, challengeId: uuid(7), reason: 'Struck out' };
    expect(checkLiftChallenge(s, lift)).toBeNull();
    const lifted = applyLiftChallenge(s, lift, '2030-03-05T10:00:00.000Z');
    expect(lifted).toMatchObject({
      action: 'challenge-lifted',
      detail: { supplier: people.supplier.userId },
    });
    expect(s.stage).toBe('in-delivery');
    expect(checkLiftChallenge(s, lift)?.code).toBe('wrong-stage');
  });

  it('may be extended by moving its deadline, never shortened below the recorded end', () => {
    const s = awarded();
    const move = (dueAt: string) =>
      checkMoveDeadline(
        s,
        { actor: people.officer, milestone: 'standstill-end', dueAt, reason: 'more time' },
        Date.parse(AWARD_AT),
      );
    expect(move('2030-03-03T00:00:00.000Z')).toMatchObject({
      code: 'period-too-short',
      facts: { earliestLawfulEnd: ENDS_AT, rule: 'PA2023 s.51(2)' },
    });
    expect(move('2030-03-10T00:00:00.000Z')).toBeNull();
  });

  it('lifting before the end leaves the standstill to end by itself', () => {
    const s = awarded();
    applyRecordChallenge(s, { actor: people.officer, challengeId: uuid(7), reason: 'A claim' }, AWARD_AT);
    expect(checkLiftChallenge(s, { actor: people.officer, challengeId: uuid(8), reason: 'x' })?.code).toBe(
      'no-such-challenge',
    );
    applyLiftChallenge(
      s,
      { actor: people.officer, challengeId: uuid(7), reason: 'Withdrawn' },
      '2030-02-21T10:00:00.000Z',
    );
    expect(s.stage).toBe('standstill');
    expect(
      checkLiftChallenge(s, { actor: people.officer, challengeId: uuid(7), reason: 'again' })?.code,
    ).toBe('already-lifted');
    endStandstill(s, ENDS_AT);
    expect(s.stage).toBe('in-delivery');
  });
});
