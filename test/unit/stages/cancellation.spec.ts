import type { Actor } from '@app/contracts';
import { checkSignOff } from '../../../workflows/commission/stages/sign-off';
import { applyCancel, checkCancel } from '../../../workflows/commission/stages/cancellation';
import { summaryOf } from '../../../workflows/commission/initial-state';
import { people } from '../fixtures';
import { LATER, ref, signOffCmd, opened, decide, underReview } from './steps';

describe('cancelling a commission', () => {
  const cancel = (by: Actor, reason = 'Ministerial priorities changed') => ({ actor: by, reason });

  it('in drafting, ends it and records who cancelled it and why', () => {
    const s = opened();
    expect(checkCancel(s, cancel(people.officer))).toBeNull();
    const change = applyCancel(s, cancel(people.officer), LATER);
    expect(s.stage).toBe('cancelled');
    expect(s.cancellation).toEqual({
      reason: 'Ministerial priorities changed',
      by: ref(people.officer),
      at: LATER,
    });
    expect(change).toEqual({
      action: 'commission-cancelled',
      detail: { reason: 'Ministerial priorities changed' },
      effects: [],
      messages: [
        {
          message: 'commission-cancelled',
          facts: { reason: 'Ministerial priorities changed', by: people.officer.name },
          // Everyone named on the commission, once each.
          recipients: [people.officer, people.chair, people.wood, people.trowler, people.observer].map(
            (p) => ({
              userId: p.userId,
              name: p.name,
              email: p.email,
            }),
          ),
        },
      ],
    });
  });

  it('withdraws an open sign-off round, keeping its decisions', () => {
    const s = underReview();
    decide(s, signOffCmd(people.wood, 'approve', 1));
    applyCancel(s, cancel(people.officer), LATER);
    expect(s.signOff.current).toBeNull();
    expect(s.signOff.tally).toBeNull();
    expect(s.signOff.rounds).toHaveLength(1);
    expect(s.signOff.rounds[0]).toMatchObject({ specificationVersion: 1, outcome: 'withdrawn' });
    expect(s.signOff.rounds[0].decisions).toHaveLength(1);
    expect(summaryOf(s).keyDates.signOffRespondBy).toBeNull();
  });

  it('leaves closed rounds as they were', () => {
    const s = underReview();
    decide(s, signOffCmd(people.trowler, 'request-changes', 1, 'Tighten the scope.'));
    applyCancel(s, cancel(people.officer), LATER);
    expect(s.signOff.rounds.map((r) => r.outcome)).toEqual(['changes-requested']);
  });

  it('after cancellation, a member still awaited cannot sign off the withdrawn round', () => {
    const s = underReview();
    applyCancel(s, cancel(people.officer), LATER);
    expect(checkSignOff(s, signOffCmd(people.chair, 'approve', 1))).toMatchObject({
      code: 'wrong-stage',
      stage: 'cancelled',
    });
  });

  it('needs a reason', () => {
    expect(checkCancel(opened(), cancel(people.officer, ' '))).toMatchObject({
      code: 'invalid-input',
      reason: 'a cancellation needs a reason',
    });
  });

  it('only a named officer may cancel', () => {
    expect(checkCancel(opened(), cancel(people.chair))?.code).toBe('wrong-role');
    expect(checkCancel(opened(), cancel(people.otherOfficer))?.code).toBe('not-a-member');
  });

  it('a cancelled commission cannot be cancelled again', () => {
    const s = opened();
    applyCancel(s, cancel(people.officer), LATER);
    expect(checkCancel(s, cancel(people.officer))).toMatchObject({
      code: 'wrong-stage',
      stage: 'cancelled',
    });
  });
});
