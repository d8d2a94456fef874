import type { Actor } from '@app/contracts';
import { checkSignOff } from '../../../workflows/commission/stages/sign-off';
import { people, quorum } from '../fixtures';
import { LATER, ref, signOffCmd, opened, edit, decide, underReview, secondVersionUnderReview } from './steps';

describe('signing off', () => {
  describe('who may sign off', () => {
    it('someone not on the panel is forbidden, even when the stage is also wrong', () => {
      const s = opened();
      edit(s, 'Draft');
      expect(checkSignOff(s, signOffCmd(people.outsider, 'approve', 1))?.code).toBe('not-a-member');
    });

    it('the officer is forbidden to sign off', () => {
      expect(checkSignOff(underReview(), signOffCmd(people.officer, 'approve', 1))?.code).toBe('wrong-role');
    });

    it('a panel member is refused as a conflict before the specification is submitted', () => {
      const s = opened();
      edit(s, 'Draft');
      expect(checkSignOff(s, signOffCmd(people.wood, 'approve', 1))).toMatchObject({
        code: 'wrong-stage',
        stage: 'drafting',
      });
    });
  });

  it('an approval is recorded against the round and the member leaves the awaiting list', () => {
    const s = underReview();
    const change = decide(s, signOffCmd(people.wood, 'approve', 1, 'Looks right'));
    expect(s.stage).toBe('panel-review');
    expect(s.signOff.current?.decisions).toEqual([
      { member: ref(people.wood), decision: 'approve', comment: 'Looks right', at: LATER },
    ]);
    expect(s.signOff.tally).toMatchObject({ approvals: 1, changeRequests: 0 });
    expect(s.signOff.tally?.awaiting.map((m) => m.userId)).toEqual([
      people.chair.userId,
      people.trowler.userId,
    ]);
    expect(change).toEqual({
      action: 'sign-off',
      detail: { decision: 'approve', specificationVersion: 1, comment: 'Looks right', outcome: 'open' },
      effects: [
        {
          kind: 'sign-off',
          specificationVersion: 1,
          member: ref(people.wood),
          decision: 'approve',
          comment: 'Looks right',
          at: LATER,
        },
      ],
      deadlines: [],
    });
  });

  it('unanimous approval signs the specification off and closes the round', () => {
    const s = underReview();
    decide(s, signOffCmd(people.chair, 'approve', 1));
    decide(s, signOffCmd(people.wood, 'approve', 1));
    const last = decide(s, signOffCmd(people.trowler, 'approve', 1));
    expect(s.stage).toBe('signed-off');
    expect(last?.detail.outcome).toBe('signed-off');
    expect(s.signOff.current).toBeNull();
    expect(s.signOff.tally).toBeNull();
    expect(s.signOff.rounds).toHaveLength(1);
    expect(s.signOff.rounds[0]).toMatchObject({ specificationVersion: 1, outcome: 'signed-off' });
    expect(s.signOff.rounds[0].decisions).toHaveLength(3);
  });

  it('under a quorum with the chair required, the chair’s approval completes it', () => {
    const s = underReview(quorum(2, true));
    decide(s, signOffCmd(people.wood, 'approve', 1));
    decide(s, signOffCmd(people.trowler, 'approve', 1));
    expect(s.stage).toBe('panel-review');
    decide(s, signOffCmd(people.chair, 'approve', 1));
    expect(s.stage).toBe('signed-off');
  });

  it('under a quorum without the chair, two ordinary members suffice', () => {
    const s = underReview(quorum(2, false));
    decide(s, signOffCmd(people.wood, 'approve', 1));
    decide(s, signOffCmd(people.trowler, 'approve', 1));
    expect(s.stage).toBe('signed-off');
  });

  describe('requesting changes', () => {
    it('needs a comment saying what to change', () => {
      const s = underReview();
      expect(checkSignOff(s, signOffCmd(people.trowler, 'request-changes', 1, ''))).toMatchObject({
        code: 'invalid-input',
        reason: 'a request for changes needs a comment saying what to change',
      });
      expect(checkSignOff(s, signOffCmd(people.trowler, 'request-changes', 1, '   '))?.code).toBe(
        'invalid-input',
      );
    });

    it('an approval needs no comment', () => {
      expect(checkSignOff(underReview(), signOffCmd(people.trowler, 'approve', 1, ''))).toBeNull();
    });

    it('sends the version back to drafting at once, even after others approved', () => {
      const s = underReview();
      decide(s, signOffCmd(people.chair, 'approve', 1));
      decide(s, signOffCmd(people.wood, 'approve', 1));
      const change = decide(
        s,
        signOffCmd(people.trowler, 'request-changes', 1, 'Name the local authorities.'),
      );
      expect(s.stage).toBe('drafting');
      expect(change?.detail.outcome).toBe('changes-requested');
      expect(s.signOff.current).toBeNull();
      expect(s.signOff.tally).toBeNull();
      expect(s.signOff.rounds.map((r) => r.outcome)).toEqual(['changes-requested']);
      expect(s.specification.currentVersion).toBe(1);
    });

    it('attaches the comments to the version that was sent back', () => {
      const s = underReview();
      decide(s, signOffCmd(people.chair, 'approve', 1, 'Fine by me'));
      decide(
        s,
        signOffCmd(people.trowler, 'request-changes', 1, 'Name the local authorities.'),
        '2030-01-04T12:00:00.000Z',
      );
      expect(s.specification.versions[0].changeRequests).toEqual([
        {
          member: ref(people.trowler),
          comment: 'Name the local authorities.',
          at: '2030-01-04T12:00:00.000Z',
        },
      ]);
    });

    it('leaves the comments on the old version when the next one is drafted', () => {
      const s = secondVersionUnderReview();
      expect(s.specification.versions.map((v) => v.changeRequests.length)).toEqual([1, 0]);
      expect(s.specification.versions[0].changeRequests[0].comment).toBe('Name the local authorities.');
    });

    it('after changes are requested the officer may edit again', () => {
      const s = underReview();
      decide(s, signOffCmd(people.trowler, 'request-changes', 1, 'Tighten the scope.'));
      expect(edit(s, 'Tightened scope')?.detail).toMatchObject({ specificationVersion: 2 });
    });
  });

  describe('on a version that is not under review', () => {
    it('an earlier version is refused as a conflict naming the version under review', () => {
      const s = secondVersionUnderReview();
      expect(checkSignOff(s, signOffCmd(people.wood, 'approve', 1))).toEqual({
        code: 'stale-version',
        stage: 'panel-review',
        reason: 'specification version 1 is not under review; version 2 is',
      });
    });

    it('a version that does not exist yet is refused as a conflict', () => {
      expect(checkSignOff(underReview(), signOffCmd(people.wood, 'approve', 2))?.code).toBe('stale-version');
    });
  });

  describe('deciding twice on one version', () => {
    it('a second, different decision is refused as a conflict', () => {
      const s = underReview();
      decide(s, signOffCmd(people.wood, 'approve', 1));
      expect(checkSignOff(s, signOffCmd(people.wood, 'request-changes', 1, 'On reflection, no'))).toEqual({
        code: 'already-decided',
        stage: 'panel-review',
        reason: 'you already decided "approve" on version 1; each member decides once per version',
      });
    });

    it('repeating the same decision is accepted and changes nothing', () => {
      const s = underReview();
      decide(s, signOffCmd(people.wood, 'approve', 1));
      const before = structuredClone(s);
      expect(decide(s, signOffCmd(people.wood, 'approve', 1, 'again'))).toBeNull();
      expect(s).toEqual(before);
    });

    it('repeating the approval that completed the round is accepted after the stage moved on', () => {
      const s = underReview(quorum(1, false));
      decide(s, signOffCmd(people.wood, 'approve', 1));
      expect(s.stage).toBe('signed-off');
      expect(decide(s, signOffCmd(people.wood, 'approve', 1))).toBeNull();
      expect(s.stage).toBe('signed-off');
      expect(s.signOff.rounds[0].decisions).toHaveLength(1);
    });

    it('repeating a request for changes is accepted after the version went back to drafting', () => {
      const s = underReview();
      decide(s, signOffCmd(people.trowler, 'request-changes', 1, 'Tighten the scope.'));
      expect(decide(s, signOffCmd(people.trowler, 'request-changes', 1, 'Tighten the scope.'))).toBeNull();
      expect(s.stage).toBe('drafting');
      expect(s.specification.versions[0].changeRequests).toHaveLength(1);
    });

    it('repeating an old decision is accepted while a newer version is under review', () => {
      const s = secondVersionUnderReview();
      expect(
        decide(s, signOffCmd(people.trowler, 'request-changes', 1, 'Name the local authorities.')),
      ).toBeNull();
      expect(s.signOff.current?.decisions).toEqual([]);
    });

    it('a different decision after the stage moved on is refused', () => {
      const s = underReview(quorum(1, false));
      decide(s, signOffCmd(people.wood, 'approve', 1));
      expect(checkSignOff(s, signOffCmd(people.wood, 'request-changes', 1, 'Too late'))).toMatchObject({
        code: 'wrong-stage',
        stage: 'signed-off',
      });
    });

    it('a repeat by someone not on the panel is still forbidden', () => {
      const s = underReview(quorum(1, false));
      decide(s, signOffCmd(people.wood, 'approve', 1));
      const impostor: Actor = { ...people.wood, roles: ['observer'] };
      expect(checkSignOff(s, signOffCmd(impostor, 'approve', 1))?.code).toBe('wrong-role');
    });
  });
});
