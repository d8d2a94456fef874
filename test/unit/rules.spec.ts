import {
  ACTIONS,
  FINAL_STAGES,
  OPEN_STAGES,
  STAGES,
  allowedActions,
  isFinal,
  refusalFor,
  standingsOf,
  type Actor,
  type Membership,
} from '@app/contracts';
import { membership, people, person, seat } from './fixtures';

describe('who stands where on a commission', () => {
  const m = membership();

  it('an officer named on the commission stands as its officer', () => {
    expect(standingsOf(people.officer, m)).toEqual(['officer']);
  });

  it('an officer not named on the commission has no standing on it', () => {
    expect(standingsOf(people.otherOfficer, m)).toEqual([]);
  });

  it('being listed as an officer is not enough without the officer role in the token', () => {
    const demoted: Actor = { ...people.officer, roles: ['observer'] };
    expect(standingsOf(demoted, m)).toEqual([]);
  });

  it('the chair is both a panel member and the panel chair', () => {
    expect(standingsOf(people.chair, m)).toEqual(['panel-member', 'panel-chair']);
  });

  it('an ordinary panel member is a panel member but not the chair', () => {
    expect(standingsOf(people.wood, m)).toEqual(['panel-member']);
  });

  it('a panel-role user who does not sit on this panel has no standing', () => {
    expect(standingsOf(people.outsider, m)).toEqual([]);
  });

  it('sitting on the panel needs the panel role in the token', () => {
    const noPanelRole: Actor = { ...people.wood, roles: ['observer'] };
    expect(standingsOf(noPanelRole, m)).toEqual([]);
  });

  it('someone who is both a named officer and the chair holds every standing', () => {
    const both: Actor = { ...people.officer, roles: ['officer', 'panel'] };
    const shared: Membership = { officers: [person(both)], panel: [seat(both, true)] };
    expect(standingsOf(both, shared)).toEqual(['officer', 'panel-member', 'panel-chair']);
  });
});

describe('refusing an action', () => {
  const m = membership();

  describe('role is checked before stage', () => {
    it('a stranger signing off in drafting is forbidden, not told the stage is wrong', () => {
      const refusal = refusalFor('sign-off', 'drafting', people.outsider, m);
      expect(refusal).toEqual({
        kind: 'forbidden',
        code: 'not-a-member',
        reason: expect.stringContaining('sign-off'),
      });
    });

    it('a panel member editing during panel review is forbidden, not told the stage is wrong', () => {
      expect(refusalFor('edit-specification', 'panel-review', people.wood, m)?.kind).toBe('forbidden');
    });

    it('an officer from another commission cancelling a cancelled commission is forbidden', () => {
      expect(refusalFor('cancel', 'cancelled', people.otherOfficer, m)?.kind).toBe('forbidden');
    });

    it('a panel member signing off in drafting is told the stage is wrong, naming it', () => {
      const refusal = refusalFor('sign-off', 'drafting', people.wood, m);
      expect(refusal).toEqual({
        kind: 'wrong-stage',
        code: 'wrong-stage',
        stage: 'drafting',
        reason: expect.stringContaining('panel-review'),
      });
    });
  });

  it('a forbidden refusal names the standings that would be allowed', () => {
    const refusal = refusalFor('submit-specification', 'drafting', people.chair, m);
    expect(refusal).toEqual({
      kind: 'forbidden',
      code: 'wrong-role',
      reason: 'submit-specification needs one of: officer of this commission',
    });
  });

  describe('editing the specification', () => {
    it('the named officer may edit in drafting', () => {
      expect(refusalFor('edit-specification', 'drafting', people.officer, m)).toBeNull();
    });

    it('the panel chair may edit in drafting', () => {
      expect(refusalFor('edit-specification', 'drafting', people.chair, m)).toBeNull();
    });

    it('an ordinary panel member may not edit', () => {
      expect(refusalFor('edit-specification', 'drafting', people.wood, m)?.kind).toBe('forbidden');
    });

    it('an observer may not edit', () => {
      expect(refusalFor('edit-specification', 'drafting', people.observer, m)?.kind).toBe('forbidden');
    });

    it('even the chair may not edit once the specification is under review', () => {
      expect(refusalFor('edit-specification', 'panel-review', people.chair, m)?.kind).toBe('wrong-stage');
    });
  });

  describe('the officer must be named on the commission', () => {
    it.each(['edit-specification', 'submit-specification', 'move-deadline', 'cancel'] as const)(
      'an officer not named on it may not %s',
      (action) => {
        expect(refusalFor(action, 'drafting', people.otherOfficer, m)?.kind).toBe('forbidden');
        expect(refusalFor(action, 'drafting', people.officer, m)).toBeNull();
      },
    );
  });

  it('only panel members sign off, and only during panel review', () => {
    expect(refusalFor('sign-off', 'panel-review', people.trowler, m)).toBeNull();
    expect(refusalFor('sign-off', 'panel-review', people.officer, m)?.kind).toBe('forbidden');
    expect(refusalFor('sign-off', 'signed-off', people.trowler, m)?.kind).toBe('wrong-stage');
  });

  it('conflicts may be declared at any open stage but not once the commission has ended', () => {
    for (const stage of OPEN_STAGES) expect(refusalFor('declare-conflict', stage, people.wood, m)).toBeNull();
    for (const stage of FINAL_STAGES) {
      expect(refusalFor('declare-conflict', stage, people.wood, m)?.kind).toBe('wrong-stage');
    }
  });

  it('a commission that has ended cannot be cancelled again', () => {
    expect(refusalFor('cancel', 'cancelled', people.officer, m)).toMatchObject({
      kind: 'wrong-stage',
      stage: 'cancelled',
    });
    expect(refusalFor('cancel', 'completed', people.officer, m)?.kind).toBe('wrong-stage');
  });
});

describe('the actions a caller may take now', () => {
  const m = membership();

  it('in drafting the officer may edit, submit, move deadlines, cancel and drop a dependency', () => {
    expect(allowedActions('drafting', people.officer, m)).toEqual([
      'edit-specification',
      'submit-specification',
      'move-deadline',
      'cancel',
      'drop-dependency',
    ]);
  });

  it('in drafting the chair may edit and declare a conflict, but not submit', () => {
    expect(allowedActions('drafting', people.chair, m)).toEqual(['edit-specification', 'declare-conflict']);
  });

  it('in panel review an ordinary member may sign off and declare a conflict', () => {
    expect(allowedActions('panel-review', people.wood, m)).toEqual(['sign-off', 'declare-conflict']);
  });

  it('nobody may do anything once the commission is completed', () => {
    for (const who of [people.officer, people.chair, people.wood]) {
      expect(allowedActions('completed', who, m)).toEqual([]);
    }
  });

  it('outsiders and observers may do nothing at any stage', () => {
    for (const stage of STAGES) {
      for (const who of [people.outsider, people.otherOfficer, people.observer]) {
        expect(allowedActions(stage, who, m)).toEqual([]);
      }
    }
  });

  it('any supplier, though named nowhere, may ask and bid while tendering, and nothing else', () => {
    for (const stage of STAGES) {
      expect(allowedActions(stage, people.supplier, m)).toEqual(
        stage === 'tendering' ? ['ask-clarification', 'submit-bid'] : [],
      );
    }
  });

  it('the officer publishes from signed-off, answers while tendering and reopens an unsuccessful tender', () => {
    expect(allowedActions('signed-off', people.officer, m)).toContain('publish-tender');
    expect(allowedActions('tendering', people.officer, m)).toContain('answer-clarification');
    expect(allowedActions('unsuccessful', people.officer, m)).toContain('reopen');
    expect(allowedActions('tendering', people.chair, m)).not.toContain('answer-clarification');
  });

  it('agrees with refusalFor for every action, stage and member of the commission', () => {
    for (const stage of STAGES) {
      for (const who of [people.officer, people.chair, people.wood]) {
        const allowed = allowedActions(stage, who, m);
        for (const action of ACTIONS) {
          expect(allowed.includes(action)).toBe(refusalFor(action, stage, who, m) === null);
        }
      }
    }
  });
});

describe('stages', () => {
  it('completed and cancelled are the final stages', () => {
    expect(STAGES.filter(isFinal)).toEqual(['completed', 'cancelled']);
  });

  it('the open stages are every other stage, in lifecycle order', () => {
    expect(OPEN_STAGES).toEqual(STAGES.filter((s) => s !== 'completed' && s !== 'cancelled'));
    expect(OPEN_STAGES[0]).toBe('drafting');
  });
});
