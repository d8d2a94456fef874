import type { CommissionView } from '@app/contracts';
import { applyDeadlineChanges } from '../../../workflows/commission/kernel/deadline-book';
import { applyAward, applyRecordChallenge, endStandstill } from '../../../workflows/commission/stages/award';
import { people } from '../fixtures';
import { BIDS, evaluating, scoreAll, uuid } from '../stages/evaluation-steps';

/* An awarded commission as the workflow builds it, for the award-side pages' presenters. */

export const AWARD_AT = '2030-02-20T10:00:00.000Z';
export const ENDS_AT = '2030-03-04T00:00:00.000Z';

/** Three bids scored, the acme bid awarded under PA2023 with an 8-working-day standstill. */
export function awarded(): CommissionView {
  const s = evaluating();
  scoreAll(s);
  const change = applyAward(
    s,
    {
      actor: people.officer,
      bidId: BIDS.acme,
      rationale: 'The strongest method at a fair price.',
      departureReason: null,
      prices: [
        { bidId: BIDS.acme, price: 120_000 },
        { bidId: BIDS.birch, price: 100_000 },
        { bidId: BIDS.cedar, price: 150_000 },
      ],
      standstill: {
        regime: 'PA2023',
        kind: 'statutory',
        assumedFrom: AWARD_AT,
        endsAt: ENDS_AT,
        voluntary: null,
        rule: { citation: 'PA2023 s.51(2)', text: '8 working days' },
        calendarVersion: 'cal-v1',
      },
    },
    AWARD_AT,
  );
  applyDeadlineChanges(s, change.deadlines!, Date.parse(AWARD_AT));
  return s;
}

export function challenged(s: CommissionView, n = 21): string {
  const challengeId = uuid(n);
  applyRecordChallenge(
    s,
    { actor: people.officer, challengeId, reason: 'A claim issued in the High Court' },
    '2030-02-25T10:00:00.000Z',
  );
  return challengeId;
}

/** The standstill over with no challenge: the contract entered into. */
export function inDelivery(): CommissionView {
  const s = awarded();
  const change = endStandstill(s, ENDS_AT)!;
  applyDeadlineChanges(s, change.deadlines ?? [], Date.parse(ENDS_AT));
  return s;
}
