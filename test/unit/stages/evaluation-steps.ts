import type { Actor, CommissionView } from '@app/contracts';
import { initialState } from '../../../workflows/commission/initial-state';
import {
  applyDeadlineChanges,
  openReportDeadlines,
} from '../../../workflows/commission/kernel/deadline-book';
import { applyDeclareConflict, checkDeclareConflict } from '../../../workflows/commission/stages/conflicts';
import { applyScoreBid, checkScoreBid } from '../../../workflows/commission/stages/evaluation';
import { applyPublishTender, applySubmitBid, closeTender } from '../../../workflows/commission/stages/tender';
import { newCommission, people } from '../fixtures';
import { NOW, decide, edit, signOffCmd, submit } from './steps';

/* Steps to a commission in evaluation, shared by the award and scoring-deadline tests. */

export const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
export const HASH = `sha256:${'0'.repeat(64)}`;
export const CLOSED_AT = '2030-02-10T12:00:00.000Z';
export const BIDS = { acme: uuid(1), birch: uuid(2), cedar: uuid(3) };
export const PANEL = [people.chair, people.wood, people.trowler];

/** A PA2023 commission whose tender closed with three bids; scoring due `evaluationPeriod` after. */
export function evaluating(evaluationPeriod?: string): CommissionView {
  const s = initialState(newCommission({ regime: 'PA2023' }), '2030-01-01T09:00:00.000Z');
  openReportDeadlines(s, NOW);
  edit(s, 'The specification');
  submit(s);
  for (const m of PANEL) decide(s, signOffCmd(m, 'approve', 1));
  applyPublishTender(
    s,
    {
      actor: people.officer,
      closesAt: CLOSED_AT,
      clarificationsCloseAt: '2030-02-01T12:00:00.000Z',
      criteria: [
        { name: 'Method', kind: 'quality', weight: 50 },
        { name: 'Team', kind: 'quality', weight: 20 },
        { name: 'Price', kind: 'price', weight: 30 },
      ],
      shortenedPeriod: null,
      period: {
        regime: 'PA2023',
        ground: null,
        assumedPublishedAt: '2030-01-03T10:00:00.000Z',
        minimumDays: 25,
        earliestLawfulClose: '2030-01-28T00:00:00.000Z',
        rule: { citation: 'PA2023 s.54(4)', text: 'at least 25 days' },
        calendarVersion: 'cal-v1',
      },
      ...(evaluationPeriod ? { evaluationPeriod } : {}),
    },
    '2030-01-03T10:00:00.000Z',
  );
  for (const [who, bidId] of [
    [people.supplier, BIDS.acme],
    [people.rival, BIDS.birch],
    [people.third, BIDS.cedar],
  ] as const) {
    applySubmitBid(s, { actor: who, bidId, contentHash: HASH, size: 100 }, '2030-02-05T10:00:00.000Z');
  }
  // The close's deadlines as the workflow applies them: the scoring deadline opens here.
  applyDeadlineChanges(s, closeTender(s, CLOSED_AT)?.deadlines ?? [], Date.parse(CLOSED_AT));
  expect(s.stage).toBe('evaluation');
  return s;
}

export function score(s: CommissionView, by: Actor, bidId: string, method: number, team: number) {
  const cmd = {
    actor: by,
    bidId,
    scores: [
      { criterion: 'Method', score: method, comment: `method ${method}` },
      { criterion: 'Team', score: team, comment: `team ${team}` },
    ],
  };
  expect(checkScoreBid(s, cmd)).toBeNull();
  return applyScoreBid(s, cmd, '2030-02-12T10:00:00.000Z');
}

export function scoreAll(s: CommissionView) {
  for (const m of PANEL) {
    score(s, m, BIDS.acme, 80, 70);
    if (m !== people.wood) score(s, m, BIDS.birch, 60, 60);
    score(s, m, BIDS.cedar, 50, 50);
  }
}

export function conflict(s: CommissionView, by: Actor, supplier: string) {
  const cmd = { actor: by, supplier, reason: 'A former employer' };
  expect(checkDeclareConflict(s, cmd)).toBeNull();
  return applyDeclareConflict(s, cmd, '2030-02-12T11:00:00.000Z');
}
