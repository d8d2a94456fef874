import { evaluationSummary } from '@app/contracts';
import { readAward, readBid, readScores, readTender } from '../../../apps/api/src/web/forms/tender-forms';
import { evaluationPage } from '../../../apps/api/src/web/presenters/evaluation';
import { people } from '../fixtures';
import { BIDS, conflict, evaluating, score } from '../stages/evaluation-steps';

describe('the evaluation page', () => {
  it('shows standings, who still owes what, who is left out, and when scores are due', () => {
    const s = evaluating('P10D');
    conflict(s, people.wood, people.rival.userId);
    score(s, people.chair, BIDS.acme, 80, 70);
    const page = evaluationPage(s, evaluationSummary(s));
    expect(page.head.map((h) => h.text)).toEqual([
      'Rank',
      'Bidder',
      'Method (50%)',
      'Team (20%)',
      'Price (30%, by formula)',
      'Weighted total',
    ]);
    expect(page.rows[0].map((c) => c.text)).toEqual([
      'Not ranked yet',
      people.supplier.name,
      '80',
      '70',
      'Not yet',
      'Not yet',
    ]);
    expect(page.outstanding).toContain(`${people.wood.name}: ${people.supplier.name}’s bid (Method, Team)`);
    expect(page.outstanding.some((o) => o.startsWith(`${people.wood.name}: ${people.rival.name}`))).toBe(
      false,
    );
    expect(page.excluded).toEqual([
      `${people.wood.name}, on ${people.rival.name}’s bid: conflict of interest (A former employer)`,
    ]);
    expect(page.scoringDue).toMatch(/2030$/);
    expect(page.scoringMet).toBeNull();
    expect(page.complete).toBe(false);
  });
});

describe('the tender and award forms', () => {
  const now = new Date('2030-01-01T09:00:00Z');
  const date = (name: string, day: string) => ({
    [`${name}-day`]: day,
    [`${name}-month`]: '2',
    [`${name}-year`]: '2030',
    [`${name}-time`]: '12:00',
  });

  it('reads a tender with its criteria and evaluation days, and names each mistake', () => {
    const ok = readTender(
      {
        ...date('clarificationsCloseAt', '1'),
        ...date('closesAt', '8'),
        'criterion-1-name': 'Quality',
        'criterion-1-kind': 'quality',
        'criterion-1-weight': '70',
        'criterion-2-name': 'Price',
        'criterion-2-kind': 'price',
        'criterion-2-weight': '30',
        evaluationDays: '10',
      },
      now,
    );
    expect(ok.value).toMatchObject({
      criteria: [
        { name: 'Quality', kind: 'quality', weight: 70 },
        { name: 'Price', kind: 'price', weight: 30 },
      ],
      evaluationPeriod: 'P10D',
      shortenedPeriod: null,
    });
    const bad = readTender(
      { 'criterion-1-name': 'Quality', 'criterion-1-weight': '0', evaluationDays: 'x' },
      now,
    );
    expect(bad.errors.map((e) => e.text)).toEqual([
      'Enter the date the tender closes',
      'Enter the date clarification questions close',
      'Select whether criterion 1 is quality or price',
      'Enter the weight of criterion 1 as a whole percentage from 1 to 100',
      'Enter the days the panel has to score as a whole number from 1 to 366',
    ]);
  });

  it('reads a price in pounds and refuses one that is not', () => {
    expect(readBid({ price: '£47,000.50', proposal: '# Ours' }).value).toEqual({
      price: 47000.5,
      proposal: '# Ours',
    });
    expect(readBid({ price: '47k', proposal: '' }).errors.map((e) => e.field)).toEqual(['price', 'proposal']);
  });

  it('reads one bid’s scores per quality criterion, anchored to that bid’s fields', () => {
    const ok = readScores({ bidId: 'b1', 'score-1': '80', 'comment-1': 'Sound' }, ['Method']);
    expect(ok.value).toEqual({ bidId: 'b1', scores: [{ criterion: 'Method', score: 80, comment: 'Sound' }] });
    const bad = readScores({ bidId: 'b1', 'score-1': '101', 'comment-1': '' }, ['Method']);
    expect(bad.errors).toEqual([
      { field: 'score-1', anchor: 'bid-b1-score-1', text: 'Enter a score for Method from 0 to 100' },
      { field: 'comment-1', anchor: 'bid-b1-comment-1', text: 'Enter a comment on Method' },
    ]);
  });

  it('needs a bid and the reasons to award; the rest is optional', () => {
    expect(readAward({}).errors.map((e) => e.field)).toEqual(['bidId', 'rationale']);
    expect(readAward({ bidId: 'b1', rationale: 'Best' }).value).toEqual({
      bidId: 'b1',
      rationale: 'Best',
      departureReason: null,
      voluntaryStandstill: null,
    });
  });
});
