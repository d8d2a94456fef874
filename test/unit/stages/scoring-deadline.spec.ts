import type { CommissionView, Deadline } from '@app/contracts';
import { applyDeadlineChanges } from '../../../workflows/commission/kernel/deadline-book';
import { findDeadline } from '../../../workflows/commission/kernel/deadlines';
import { owedScores, recipientsFor } from '../../../workflows/commission/recipients';
import { people } from '../fixtures';
import { BIDS, CLOSED_AT, conflict, evaluating, score } from './evaluation-steps';

const ids = (ps: { userId: string }[]) => ps.map((p) => p.userId);
const scoring = (s: CommissionView) => findDeadline(s.deadlines, 'scoring') as Deadline;
const AT = Date.parse('2030-02-12T10:00:00.000Z');

/** Applies what a change says about deadlines, as the workflow does on recording it. */
function recorded(
  s: CommissionView,
  change: { deadlines?: Parameters<typeof applyDeadlineChanges>[1] } | null,
) {
  applyDeadlineChanges(s, change?.deadlines ?? [], AT);
}

describe('the scoring deadline', () => {
  it('opens at the close, due the evaluation period after it', () => {
    const s = evaluating('P10D');
    const d = scoring(s);
    expect(d.dueAt).toBe(new Date(Date.parse(CLOSED_AT) + 10 * 86_400_000).toISOString());
    expect(d.closedReason).toBeNull();
  });

  it('is not opened for a tender published without an evaluation period (before scoring had one)', () => {
    expect(scoring(evaluating())).toBeUndefined();
  });

  it('reminds only members who owe scores on bids they may score, and names what each owes', () => {
    const s = evaluating('P10D');
    // Wood is conflicted with Birch and scores the other two: he owes nothing.
    recorded(s, conflict(s, people.wood, people.rival.userId));
    recorded(s, score(s, people.wood, BIDS.acme, 70, 70));
    recorded(s, score(s, people.wood, BIDS.cedar, 70, 70));
    // The chair has scored everything; Trowler nothing.
    for (const bid of [BIDS.acme, BIDS.birch, BIDS.cedar]) recorded(s, score(s, people.chair, bid, 60, 60));
    expect(ids(recipientsFor(s, scoring(s), 'reminder'))).toEqual([people.trowler.userId]);
    expect(owedScores(s)).toEqual([
      `${people.trowler.name}: ${people.supplier.name}'s bid (Method, Team)`,
      `${people.trowler.name}: ${people.rival.name}'s bid (Method, Team)`,
      `${people.trowler.name}: ${people.third.name}'s bid (Method, Team)`,
    ]);
  });

  it('escalates to the officers and observers, not the panel', () => {
    const s = evaluating('P10D');
    expect(ids(recipientsFor(s, scoring(s), 'escalation'))).toEqual(ids([...s.officers, ...s.observers]));
    expect(s.observers.length).toBeGreaterThan(0);
  });

  it('is met by the last score owed, not before', () => {
    const s = evaluating('P10D');
    for (const m of [people.chair, people.wood, people.trowler]) {
      for (const bid of [BIDS.acme, BIDS.birch]) recorded(s, score(s, m, bid, 60, 60));
    }
    recorded(s, score(s, people.chair, BIDS.cedar, 60, 60));
    recorded(s, score(s, people.wood, BIDS.cedar, 60, 60));
    expect(scoring(s).closedReason).toBeNull();
    const last = score(s, people.trowler, BIDS.cedar, 60, 60);
    expect(last?.deadlines).toEqual([{ close: 'scoring', reason: 'met' }]);
    recorded(s, last);
    expect(scoring(s)).toMatchObject({ closedReason: 'met', metAt: new Date(AT).toISOString() });
    expect(recipientsFor(s, scoring(s), 'reminder')).toEqual([]);
  });

  it('is met by a conflict that leaves the last owing member out', () => {
    const s = evaluating('P10D');
    for (const m of [people.chair, people.wood]) {
      for (const bid of [BIDS.acme, BIDS.birch, BIDS.cedar]) recorded(s, score(s, m, bid, 60, 60));
    }
    recorded(s, score(s, people.trowler, BIDS.acme, 60, 60));
    recorded(s, score(s, people.trowler, BIDS.birch, 60, 60));
    recorded(s, conflict(s, people.trowler, people.third.userId));
    expect(scoring(s).closedReason).toBe('met');
  });
});
