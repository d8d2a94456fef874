import {
  STATE_LIMITS,
  type Actor,
  type CommissionView,
  type PublishTender,
  type TenderPeriodBasis,
} from '@app/contracts';
import { initialState } from '../../../workflows/commission/initial-state';
import { applyDeadlineChanges } from '../../../workflows/commission/kernel/deadline-book';
import { openReportDeadlines } from '../../../workflows/commission/kernel/deadline-book';
import {
  applyAnswerClarification,
  applyAskClarification,
  applyPublishTender,
  applyReopen,
  applySubmitBid,
  checkAnswerClarification,
  checkAskClarification,
  checkPublishTender,
  checkReopen,
  checkSubmitBid,
  closeClarifications,
  closeTender,
} from '../../../workflows/commission/stages/tender';
import { applyMoveDeadline, checkMoveDeadline } from '../../../workflows/commission/stages/deadlines';
import { newCommission, people } from '../fixtures';
import { checkSubmitSpecification } from '../../../workflows/commission/stages/specification';
import { LATER, NOW, RESPOND_BY, decide, edit, signOffCmd, submit } from './steps';

const CLOSES_AT = '2030-02-10T12:00:00.000Z';
const QUESTIONS_CLOSE_AT = '2030-02-01T12:00:00.000Z';
const HASH = (n: number) => `sha256:${String(n).padStart(64, '0')}`;
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const period = (over: Partial<TenderPeriodBasis> = {}): TenderPeriodBasis => ({
  regime: 'PA2023',
  ground: null,
  assumedPublishedAt: '2030-01-02T08:00:00.000Z',
  minimumDays: 25,
  earliestLawfulClose: '2030-01-28T00:00:00.000Z',
  rule: { citation: 'PA2023 s.54(4)', text: 'at least 25 days' },
  calendarVersion: 'cal-v1',
  ...over,
});

const publishCmd = (over: Partial<PublishTender> = {}): PublishTender => ({
  actor: people.officer,
  closesAt: CLOSES_AT,
  clarificationsCloseAt: QUESTIONS_CLOSE_AT,
  criteria: [
    { name: 'Quality', kind: 'quality', weight: 70 },
    { name: 'Price', kind: 'price', weight: 30 },
  ],
  shortenedPeriod: null,
  period: period(),
  ...over,
});

function signedOff(overrides = {}): CommissionView {
  const s = initialState(newCommission(overrides), '2030-01-01T09:00:00.000Z');
  openReportDeadlines(s, NOW);
  edit(s, 'The specification');
  submit(s);
  for (const m of [people.chair, people.wood, people.trowler]) decide(s, signOffCmd(m, 'approve', 1));
  expect(s.stage).toBe('signed-off');
  return s;
}

/** Applies a change's deadlines as the workflow core does. */
function publish(s: CommissionView, cmd = publishCmd()) {
  expect(checkPublishTender(s, cmd, NOW)).toBeNull();
  const change = applyPublishTender(s, cmd, LATER);
  applyDeadlineChanges(s, change.deadlines ?? [], NOW);
  return change;
}

const ask = (s: CommissionView, who: Actor, n: number, at = LATER) => {
  const cmd = { actor: who, questionId: uuid(n), question: `Question ${n}?` };
  expect(checkAskClarification(s, cmd, NOW)).toBeNull();
  return applyAskClarification(s, cmd, at);
};

const bid = (s: CommissionView, who: Actor, n: number) => {
  const cmd = { actor: who, bidId: uuid(100 + n), contentHash: HASH(n), size: 100 + n };
  expect(checkSubmitBid(s, cmd, NOW)).toBeNull();
  return applySubmitBid(s, cmd, LATER);
};

describe('publishing the tender', () => {
  it('moves signed-off to tendering with the signed-off version as the document, a notice and two deadlines', () => {
    const s = signedOff();
    const change = publish(s);
    expect(s.stage).toBe('tendering');
    expect(s.tender).toMatchObject({
      round: 1,
      closesAt: CLOSES_AT,
      clarificationsCloseAt: QUESTIONS_CLOSE_AT,
      document: { specificationVersion: 1, contentHash: 'hash:The specification' },
      outcome: 'open',
    });
    expect(s.notices).toEqual([
      expect.objectContaining({ type: 'UK4', regime: 'PA2023', publishedAt: LATER }),
    ]);
    expect(change.deadlines).toEqual([
      { open: 'clarification', dueAt: QUESTIONS_CLOSE_AT, onDue: 'close-clarifications' },
      { open: 'tender-close', dueAt: CLOSES_AT, onDue: 'close-tender' },
    ]);
    expect(change.detail).toMatchObject({ noticeType: 'UK4', calendarVersion: 'cal-v1' });
  });

  it.each([
    ['below-threshold', 'below-threshold-tender-notice'],
    ['PCR2015', 'contract-notice'],
  ] as const)('under %s records a %s', (regime, type) => {
    const s = signedOff({ regime });
    const minimumDays = regime === 'PCR2015' ? 30 : 0;
    publish(s, publishCmd({ period: period({ regime, minimumDays }) }));
    expect(s.notices?.[0].type).toBe(type);
  });

  it('refuses a close before the earliest lawful one, naming the rule and that time', () => {
    const s = signedOff();
    const early = { closesAt: '2030-01-20T12:00:00.000Z', clarificationsCloseAt: '2030-01-15T12:00:00.000Z' };
    const r = checkPublishTender(s, publishCmd(early), NOW);
    expect(r).toMatchObject({ code: 'period-too-short', stage: 'signed-off' });
    expect(r!.reason).toContain('PA2023 s.54(4)');
    expect(r!.reason).toContain('2030-01-28T00:00:00.000Z');
    expect(r!.facts).toMatchObject({ earliestLawfulClose: '2030-01-28T00:00:00.000Z', minimumDays: '25' });
  });

  it('is refused when its minimum period was computed on another London day (PA2023 s.54(4))', () => {
    const s = signedOff();
    const assumed = '2030-01-02T23:59:30.000Z';
    const cmd = publishCmd({ period: period({ assumedPublishedAt: assumed }) });
    expect(checkPublishTender(s, cmd, Date.parse('2030-01-03T00:00:02.000Z'))).toMatchObject({
      code: 'computed-for-another-day',
      facts: { assumedDay: '2030-01-02', today: '2030-01-03' },
    });
    expect(checkPublishTender(s, cmd, Date.parse('2030-01-02T23:59:59.000Z'))).toBeNull();
    // Below threshold there is no minimum to fall short of.
    const below = signedOff({ regime: 'below-threshold' });
    const basis = period({ regime: 'below-threshold', minimumDays: 0, assumedPublishedAt: assumed });
    expect(
      checkPublishTender(below, publishCmd({ period: basis }), Date.parse('2030-01-03T00:00:02.000Z')),
    ).toBeNull();
  });

  it('a ground needs a justification, and a regime without a minimum has no ground', () => {
    const s = signedOff();
    const urgency = { ground: 'urgency' as const, justification: ' ' };
    expect(
      checkPublishTender(
        s,
        publishCmd({ shortenedPeriod: urgency, period: period({ ground: 'urgency' }) }),
        NOW,
      ),
    ).toMatchObject({ code: 'invalid-input' });
    const below = signedOff({ regime: 'below-threshold' });
    const cmd = publishCmd({
      shortenedPeriod: { ground: 'urgency', justification: 'floods' },
      period: period({ regime: 'below-threshold', ground: 'urgency', minimumDays: 0 }),
    });
    expect(checkPublishTender(below, cmd, NOW)?.reason).toMatch(/no minimum/);
  });

  it.each([
    [
      'weights not summing to 100',
      { criteria: [{ name: 'Quality', kind: 'quality' as const, weight: 60 }] },
      /sum to 100/,
    ],
    [
      'questions closing after the tender',
      { clarificationsCloseAt: '2030-02-11T00:00:00Z' },
      /before closesAt/,
    ],
    ['a close in the past', { closesAt: '2029-12-31T00:00:00Z' }, /future/],
    [
      'a period computed for another regime',
      { period: period({ regime: 'PCR2015' }) },
      /computed for PCR2015/,
    ],
  ])('refuses %s', (_, over, message) => {
    const r = checkPublishTender(signedOff(), publishCmd(over), NOW);
    expect(r?.code).toBe('invalid-input');
    expect(r?.reason).toMatch(message);
  });

  it('is refused while the dependency gate is waiting', () => {
    const s = signedOff({ dependsOn: { commissionId: uuid(9), gate: 'interim-report-accepted' } });
    expect(s.dependency).toMatchObject({ status: 'waiting' });
    expect(checkPublishTender(s, publishCmd(), NOW)).toMatchObject({ code: 'dependency-unmet' });
    s.dependency!.status = 'met';
    expect(checkPublishTender(s, publishCmd(), NOW)).toBeNull();
  });

  it('is for an officer of the commission only, and only from signed-off', () => {
    const s = signedOff();
    expect(checkPublishTender(s, publishCmd({ actor: people.chair }), NOW)?.code).toBe('wrong-role');
    expect(checkPublishTender(s, publishCmd({ actor: people.otherOfficer }), NOW)?.code).toBe('not-a-member');
    publish(s);
    expect(checkPublishTender(s, publishCmd(), NOW)?.code).toBe('wrong-stage');
  });
});

describe('clarifications', () => {
  it('any supplier asks before the deadline; the asker is recorded, a retry changes nothing', () => {
    const s = signedOff();
    publish(s);
    expect(ask(s, people.supplier, 1)).toMatchObject({ action: 'clarification-asked' });
    const retry = { actor: people.supplier, questionId: uuid(1), question: 'Question 1?' };
    expect(checkAskClarification(s, retry, NOW)).toBeNull();
    expect(applyAskClarification(s, retry, LATER)).toBeNull();
    expect(s.clarifications).toHaveLength(1);
    expect(s.clarifications![0].askedBy.userId).toBe(people.supplier.userId);
  });

  it('refuses a question at or after the clarification deadline, and from staff', () => {
    const s = signedOff();
    publish(s);
    const cmd = { actor: people.supplier, questionId: uuid(2), question: 'Late?' };
    expect(checkAskClarification(s, cmd, Date.parse(QUESTIONS_CLOSE_AT))?.code).toBe('clarifications-closed');
    expect(checkAskClarification(s, { ...cmd, actor: people.officer }, NOW)?.code).toBe('wrong-role');
  });

  it('officers answer once; a different second answer is refused; an unknown question is 404', () => {
    const s = signedOff();
    publish(s);
    ask(s, people.supplier, 1);
    const answer = { actor: people.officer, questionId: uuid(1), answer: 'Yes.' };
    expect(checkAnswerClarification(s, answer)).toBeNull();
    expect(applyAnswerClarification(s, answer, LATER)).toMatchObject({ action: 'clarification-answered' });
    expect(checkAnswerClarification(s, answer)).toBeNull();
    expect(applyAnswerClarification(s, answer, LATER)).toBeNull();
    expect(checkAnswerClarification(s, { ...answer, answer: 'No.' })?.code).toBe('already-answered');
    expect(checkAnswerClarification(s, { ...answer, questionId: uuid(7) })?.code).toBe('no-such-question');
    expect(checkAnswerClarification(s, { ...answer, actor: people.supplier })?.code).toBe('wrong-role');
  });

  it('at the deadline, answers still owed keep the deadline open, due now, until the last answer', () => {
    const s = signedOff();
    publish(s);
    ask(s, people.supplier, 1);
    ask(s, people.rival, 2);
    applyAnswerClarification(s, { actor: people.officer, questionId: uuid(1), answer: 'A1' }, LATER);
    const closing = closeClarifications(s, QUESTIONS_CLOSE_AT)!;
    expect(closing.detail).toEqual({ questions: 2, unanswered: 1 });
    expect(closing.deadlines).toEqual([{ open: 'clarification', dueAt: QUESTIONS_CLOSE_AT }]);
    applyDeadlineChanges(s, closing.deadlines!, Date.parse(QUESTIONS_CLOSE_AT));
    const last = applyAnswerClarification(
      s,
      { actor: people.officer, questionId: uuid(2), answer: 'A2' },
      LATER,
    );
    expect(last?.deadlines).toEqual([{ close: 'clarification', reason: 'met' }]);
  });

  it('with every question answered the deadline is simply met', () => {
    const s = signedOff();
    publish(s);
    expect(closeClarifications(s, QUESTIONS_CLOSE_AT)?.deadlines).toEqual([]);
  });
});

describe("moving the tender's dates", () => {
  const move = (milestone: 'tender-close' | 'clarification', dueAt: string) => ({
    actor: people.officer,
    milestone,
    dueAt,
    reason: 'an addendum to the specification',
  });
  const moved = (s: CommissionView, cmd: ReturnType<typeof move>) => {
    expect(checkMoveDeadline(s, cmd, NOW)).toBeNull();
    const change = applyMoveDeadline(s, cmd, LATER)!;
    applyDeadlineChanges(s, change.deadlines ?? [], NOW);
    return change;
  };

  it("an extended close is the tender's close: bids are taken until it, and refused from it", () => {
    const s = signedOff();
    publish(s);
    const extended = '2030-02-20T12:00:00.000Z';
    moved(s, move('tender-close', extended));
    expect(s.tender!.closesAt).toBe(extended);
    const between = { actor: people.supplier, bidId: uuid(101), contentHash: HASH(1), size: 101 };
    expect(checkSubmitBid(s, between, Date.parse(CLOSES_AT) + 60_000)).toBeNull();
    expect(checkSubmitBid(s, between, Date.parse(extended))?.code).toBe('tender-closed');
  });

  it('a close brought forward keeps the minimum period recorded at publication', () => {
    const s = signedOff();
    publish(s);
    const r = checkMoveDeadline(s, move('tender-close', '2030-01-27T12:00:00.000Z'), NOW);
    expect(r).toMatchObject({ code: 'period-too-short' });
    expect(r!.reason).toContain('PA2023 s.54(4)');
    expect(r!.facts).toMatchObject({ earliestLawfulClose: '2030-01-28T00:00:00.000Z' });
    moved(s, move('tender-close', '2030-02-05T12:00:00.000Z'));
    expect(s.tender!.closesAt).toBe('2030-02-05T12:00:00.000Z');
  });

  it('questions close before the tender, however either moves', () => {
    const s = signedOff();
    publish(s);
    expect(checkMoveDeadline(s, move('tender-close', QUESTIONS_CLOSE_AT), NOW)?.code).toBe('invalid-input');
    expect(checkMoveDeadline(s, move('clarification', CLOSES_AT), NOW)?.code).toBe('invalid-input');
    const later = '2030-02-05T12:00:00.000Z';
    moved(s, move('clarification', later));
    expect(s.tender!.clarificationsCloseAt).toBe(later);
    const question = { actor: people.supplier, questionId: uuid(3), question: 'Still open?' };
    expect(checkAskClarification(s, question, Date.parse(QUESTIONS_CLOSE_AT) + 60_000)).toBeNull();
    expect(checkAskClarification(s, question, Date.parse(later))?.code).toBe('clarifications-closed');
  });

  it('once questions have closed, moving the answers still owed leaves the questions closed', () => {
    const s = signedOff();
    publish(s);
    ask(s, people.supplier, 1);
    const closing = closeClarifications(s, QUESTIONS_CLOSE_AT)!;
    applyDeadlineChanges(s, closing.deadlines!, Date.parse(QUESTIONS_CLOSE_AT));
    const owed = '2030-02-15T12:00:00.000Z';
    moved(s, move('clarification', owed));
    expect(s.tender!.clarificationsCloseAt).toBe(QUESTIONS_CLOSE_AT);
  });
});

describe("a tender's questions and bids are bounded in the state", () => {
  // Suppliers of their own: the limits count per supplier.
  const supplier = (n: number): Actor => ({
    ...people.supplier,
    userId: `supplier-${n}`,
    name: `Supplier ${n}`,
  });
  const question = (s: CommissionView, who: Actor, n: number, text = `Question ${n}?`) => {
    const cmd = { actor: who, questionId: uuid(1000 + n), question: text };
    const r = checkAskClarification(s, cmd, NOW);
    if (!r) applyAskClarification(s, cmd, LATER);
    return r;
  };

  it('one supplier asks at most its share; the tender holds at most its number of questions', () => {
    const s = signedOff();
    publish(s);
    for (let i = 0; i < STATE_LIMITS.clarificationsPerSupplier; i += 1) {
      expect(question(s, people.supplier, i)).toBeNull();
    }
    const r = question(s, people.supplier, 999);
    expect(r).toMatchObject({ code: 'limit-reached' });
    expect(r!.reason).toContain('clarificationsPerSupplier');
    let n = STATE_LIMITS.clarificationsPerSupplier;
    for (let k = 1; n < STATE_LIMITS.clarifications; k += 1) {
      for (let i = 0; i < STATE_LIMITS.clarificationsPerSupplier && n < STATE_LIMITS.clarifications; i += 1) {
        expect(question(s, supplier(k), n)).toBeNull();
        n += 1;
      }
    }
    expect(question(s, supplier(99), n)?.reason).toContain('(limit clarifications)');
  });

  it("the questions' characters are bounded, and answers have a budget of their own", () => {
    const s = signedOff();
    publish(s);
    const long = 'Q'.repeat(10_000);
    const fit = STATE_LIMITS.clarificationQuestionChars / long.length;
    for (let i = 0; i < fit; i += 1) expect(question(s, supplier(i), i, long)).toBeNull();
    const over = question(s, supplier(fit), fit, 'One more?');
    expect(over?.reason).toContain('clarificationQuestionChars');
    // Every question can still be answered: the answers' budget is not the questions'.
    const answer = (i: number, text: string) => {
      const cmd = { actor: people.officer, questionId: uuid(1000 + i), answer: text };
      const r = checkAnswerClarification(s, cmd);
      if (!r) applyAnswerClarification(s, cmd, LATER);
      return r;
    };
    for (let i = 0; i < fit; i += 1) expect(answer(i, 'A'.repeat(20_000))).toBeNull();
    expect(s.clarifications!.every((c) => c.answer)).toBe(true);
    expect(JSON.stringify(s).length).toBeLessThan(1_000_000);
  });

  it('refuses a question or an answer its projection could not store, below the API edge', () => {
    const s = signedOff();
    publish(s);
    expect(question(s, people.supplier, 1, 'Q'.repeat(10_001))).toMatchObject({ code: 'invalid-input' });
    expect(question(s, people.supplier, 2, 'Bad \u0000 byte?')).toMatchObject({ code: 'invalid-input' });
    ask(s, people.supplier, 3);
    const cmd = { actor: people.officer, questionId: uuid(3), answer: 'A'.repeat(20_001) };
    expect(checkAnswerClarification(s, cmd)).toMatchObject({ code: 'invalid-input' });
  });

  it('someone named on the commission who also holds the supplier role may neither bid nor ask', () => {
    const s = signedOff();
    publish(s);
    for (const named of [people.chair, people.officer]) {
      const both: Actor = { ...named, roles: [...named.roles, 'supplier'] };
      const bid = { actor: both, bidId: uuid(7000), contentHash: HASH(7), size: 100 };
      expect(checkSubmitBid(s, bid, NOW)).toMatchObject({ code: 'wrong-role' });
      const q = { actor: both, questionId: uuid(7001), question: 'May I?' };
      expect(checkAskClarification(s, q, NOW)?.reason).toContain('named on this commission');
    }
  });

  it('one supplier submits at most its share of bids; a retried receipt is still accepted', () => {
    const s = signedOff();
    publish(s);
    const submit = (who: Actor, n: number) => {
      const cmd = { actor: who, bidId: uuid(5000 + n), contentHash: HASH(n), size: 100 };
      const r = checkSubmitBid(s, cmd, NOW);
      if (!r) applySubmitBid(s, cmd, LATER);
      return r;
    };
    for (let i = 0; i < STATE_LIMITS.bidsPerSupplier; i += 1) expect(submit(people.supplier, i)).toBeNull();
    expect(submit(people.supplier, 999)?.reason).toContain('bidsPerSupplier');
    expect(submit(people.supplier, 0)).toBeNull();
    expect(submit(people.rival, 1000)).toBeNull();
  });
});

describe('sealed bids', () => {
  it('keep only receipts; a resubmission supersedes the earlier bid of the same supplier', () => {
    const s = signedOff();
    publish(s);
    expect(bid(s, people.supplier, 1)).toMatchObject({ action: 'bid-submitted' });
    bid(s, people.rival, 2);
    expect(bid(s, people.supplier, 3)).toMatchObject({
      action: 'bid-replaced',
      detail: { bidId: uuid(103), supersedes: uuid(101) },
    });
    expect(s.bids!.receipts.map((b) => [b.bidId, b.status])).toEqual([
      [uuid(101), 'superseded'],
      [uuid(102), 'current'],
      [uuid(103), 'current'],
    ]);
    // A receipt is all the workflow holds of a bid.
    expect(Object.keys(s.bids!.receipts[0]).sort()).toEqual(
      ['bidId', 'contentHash', 'size', 'status', 'submittedAt', 'supersedes', 'supplier'].sort(),
    );
  });

  it('the workflow clock decides: at or after the closing time a bid is refused as tender-closed', () => {
    const s = signedOff();
    publish(s);
    const cmd = { actor: people.supplier, bidId: uuid(5), contentHash: HASH(5), size: 10 };
    expect(checkSubmitBid(s, cmd, Date.parse(CLOSES_AT) - 1)).toBeNull();
    expect(checkSubmitBid(s, cmd, Date.parse(CLOSES_AT))?.code).toBe('tender-closed');
  });

  it('refuses staff, and a retried receipt is accepted without change', () => {
    const s = signedOff();
    publish(s);
    bid(s, people.supplier, 1);
    const retry = { actor: people.supplier, bidId: uuid(101), contentHash: HASH(1), size: 101 };
    expect(checkSubmitBid(s, retry, NOW)).toBeNull();
    expect(applySubmitBid(s, retry, LATER)).toBeNull();
    expect(checkSubmitBid(s, { ...retry, bidId: uuid(6), actor: people.officer }, NOW)?.code).toBe(
      'wrong-role',
    );
    expect(checkSubmitBid(s, { ...retry, bidId: 'not-a-uuid' }, NOW)?.code).toBe('invalid-input');
  });
});

describe('the close, by itself', () => {
  it('with bids: evaluation, bids opened, staff told and each bidder sent its own receipt', () => {
    const s = signedOff();
    publish(s);
    bid(s, people.supplier, 1);
    bid(s, people.rival, 2);
    bid(s, people.supplier, 3);
    const change = closeTender(s, CLOSES_AT)!;
    expect(s.stage).toBe('evaluation');
    expect(s.tender).toMatchObject({ closedAt: CLOSES_AT, outcome: 'bids-opened' });
    expect(change.effects).toEqual([{ kind: 'bids-opened', at: CLOSES_AT, bidIds: [uuid(102), uuid(103)] }]);
    const messages = change.messages!;
    expect(messages[0]).toMatchObject({ message: 'tender-closed', facts: { bids: '2' } });
    expect(messages[0].recipients.map((r) => r.userId)).toEqual([
      people.officer.userId,
      people.chair.userId,
      people.wood.userId,
      people.trowler.userId,
    ]);
    // One message per bidder, naming only its own bid.
    expect(
      messages.slice(1).map((m) => [m.message, m.recipients.map((r) => r.userId), m.facts.bidId]),
    ).toEqual([
      ['tender-closed-bid-receipt', [people.rival.userId], uuid(102)],
      ['tender-closed-bid-receipt', [people.supplier.userId], uuid(103)],
    ]);
    expect(
      checkSubmitBid(s, { actor: people.third, bidId: uuid(9), contentHash: HASH(9), size: 9 }, NOW)?.code,
    ).toBe('tender-closed');
  });

  it('without bids: unsuccessful, from which an officer reopens to drafting', () => {
    const s = signedOff();
    publish(s);
    const change = closeTender(s, CLOSES_AT)!;
    expect(s.stage).toBe('unsuccessful');
    expect(change.messages).toEqual([expect.objectContaining({ message: 'tender-closed-no-bids' })]);
    expect(checkReopen(s, { actor: people.officer, reason: ' ' })?.code).toBe('invalid-input');
    expect(checkReopen(s, { actor: people.supplier, reason: 'x' })?.code).toBe('wrong-role');
    expect(checkReopen(s, { actor: people.officer, reason: 'Widen the scope' })).toBeNull();
    applyReopen(s, { actor: people.officer, reason: 'Widen the scope' });
    expect(s.stage).toBe('drafting');
    // The tendered version cannot go back to the panel unrevised: they decided on it already.
    expect(checkSubmitSpecification(s, { actor: people.officer, respondBy: RESPOND_BY }, NOW)).toMatchObject({
      code: 'unrevised-after-changes',
    });
    edit(s, 'The specification, wider');
    submit(s);
    expect(s.stage).toBe('panel-review');
  });

  it('does nothing once the commission has left tendering (e.g. cancelled)', () => {
    const s = signedOff();
    publish(s);
    s.stage = 'cancelled';
    expect(closeTender(s, CLOSES_AT)).toBeNull();
    expect(closeClarifications(s, CLOSES_AT)).toBeNull();
  });
});
