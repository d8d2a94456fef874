import { openReportDeadlines } from '../../workflows/commission/deadline-commands';
import {
  REFUSALS,
  type Actor,
  type CommissionView,
  type Decision,
  type EditSpecification,
  type SignOff,
  type SignOffRule,
} from '@app/contracts';
import {
  applyCancel,
  applyDeclareConflict,
  applyEditSpecification,
  applySignOff,
  applySubmitSpecification,
  checkCancel,
  checkDeclareConflict,
  checkEditSpecification,
  checkSignOff,
  checkSubmitSpecification,
} from '../../workflows/commission/decide';
import { initialState, summaryOf } from '../../workflows/commission/initial-state';
import { UNANIMOUS, newCommission, people, quorum } from './fixtures';

const OPENED_AT = '2030-01-01T09:00:00.000Z';
const NOW = Date.parse('2030-01-02T09:00:00.000Z');
const RESPOND_BY = '2030-01-15T17:00:00.000Z';
const LATER = '2030-01-03T10:00:00.000Z';

const ref = (a: Actor) => ({ userId: a.userId, name: a.name });

/** Stands in for the sha256 the API computes; equal texts give equal hashes. */
const hashOf = (content: string) => `hash:${content}`;

const editCmd = (by: Actor, content: string): EditSpecification => ({
  actor: by,
  content,
  contentHash: hashOf(content),
});

const signOffCmd = (by: Actor, decision: Decision, specificationVersion: number, comment = ''): SignOff => ({
  actor: by,
  decision,
  specificationVersion,
  comment,
});

function opened(rule: SignOffRule = UNANIMOUS): CommissionView {
  return initialState(newCommission({ signOffRule: rule }), OPENED_AT);
}

/** Each step runs the validator first, as the workflow does, and fails the test if it refuses. */
function edit(s: CommissionView, content: string, by: Actor = people.officer) {
  const cmd = editCmd(by, content);
  expect(checkEditSpecification(s, cmd)).toBeNull();
  return applyEditSpecification(s, cmd, LATER);
}

function submit(s: CommissionView, respondBy = RESPOND_BY) {
  const cmd = { actor: people.officer, respondBy };
  expect(checkSubmitSpecification(s, cmd, NOW)).toBeNull();
  return applySubmitSpecification(s, cmd, LATER);
}

function decide(s: CommissionView, cmd: SignOff, at = LATER) {
  expect(checkSignOff(s, cmd)).toBeNull();
  return applySignOff(s, cmd, at);
}

/** A commission whose first specification version is before the panel. */
function underReview(rule: SignOffRule = UNANIMOUS): CommissionView {
  const s = opened(rule);
  edit(s, 'Version one of the specification');
  submit(s);
  return s;
}

/** Version 1 sent back by Isabelle Trowler, version 2 drafted and now before the panel. */
function secondVersionUnderReview(): CommissionView {
  const s = underReview();
  decide(s, signOffCmd(people.trowler, 'request-changes', 1, 'Name the local authorities.'));
  edit(s, 'Version two of the specification');
  submit(s);
  return s;
}

describe('a newly opened commission', () => {
  it('starts in drafting with no specification and no sign-off round', () => {
    const s = opened();
    expect(s).toMatchObject({
      stage: 'drafting',
      version: 0,
      workflowId: `commission-${s.id}`,
      createdAt: OPENED_AT,
      updatedAt: OPENED_AT,
      specification: { currentVersion: null, versions: [] },
      signOff: { current: null, tally: null, rounds: [] },
      conflicts: [],
      cancellation: null,
    });
  });

  it('summarises its key dates from the milestones, with no sign-off date yet', () => {
    const summary = summaryOf(opened());
    expect(summary.stage).toBe('drafting');
    expect(summary.specificationVersion).toBeNull();
    expect(summary.keyDates).toEqual({
      nextDueAt: null,
      signOffRespondBy: null,
      interimReportDueAt: '2030-06-30T16:00:00.000Z',
      finalReportDueAt: '2030-09-30T16:00:00.000Z',
    });
  });

  it('names the earliest open due date once its deadlines are tracked', () => {
    const s = opened();
    openReportDeadlines(s, NOW);
    expect(summaryOf(s).keyDates.nextDueAt).toBe('2030-06-30T16:00:00.000Z');
  });
});

describe('editing the specification', () => {
  it('the first edit creates version 1, authored by the editor by name and id only', () => {
    const s = opened();
    const change = edit(s, 'The study will examine improvement capacity.');
    expect(s.specification.currentVersion).toBe(1);
    expect(s.specification.versions).toEqual([
      {
        version: 1,
        contentHash: hashOf('The study will examine improvement capacity.'),
        author: ref(people.officer),
        createdAt: LATER,
        changeRequests: [],
      },
    ]);
    expect(change).toEqual({
      action: 'specification-revised',
      detail: {
        specificationVersion: 1,
        contentHash: hashOf('The study will examine improvement capacity.'),
      },
      effects: [
        {
          kind: 'specification-version',
          version: 1,
          content: 'The study will examine improvement capacity.',
          contentHash: hashOf('The study will examine improvement capacity.'),
          author: ref(people.officer),
          createdAt: LATER,
        },
      ],
    });
  });

  it('repeating the identical edit is a no-op that records nothing', () => {
    const s = opened();
    edit(s, 'Same text');
    expect(edit(s, 'Same text')).toBeNull();
    expect(s.specification.versions).toHaveLength(1);
    expect(s.specification.currentVersion).toBe(1);
  });

  it('a different text makes the next version', () => {
    const s = opened();
    edit(s, 'First text');
    const change = edit(s, 'Second text', people.chair);
    expect(change?.detail).toEqual({ specificationVersion: 2, contentHash: hashOf('Second text') });
    expect(s.specification.currentVersion).toBe(2);
    expect(s.specification.versions[1].author).toEqual(ref(people.chair));
  });

  it('going back to an earlier text is a new version, not a no-op', () => {
    const s = opened();
    edit(s, 'First text');
    edit(s, 'Second text');
    expect(edit(s, 'First text')?.detail).toMatchObject({ specificationVersion: 3 });
  });

  it('the panel chair may edit', () => {
    expect(checkEditSpecification(opened(), editCmd(people.chair, 'Chair’s draft'))).toBeNull();
  });

  it('an ordinary panel member may not edit', () => {
    const s = opened();
    expect(checkEditSpecification(s, editCmd(people.wood, 'My draft'))).toMatchObject({
      type: REFUSALS.forbidden,
      stage: 'drafting',
    });
  });

  it('an officer not named on the commission may not edit', () => {
    expect(checkEditSpecification(opened(), editCmd(people.otherOfficer, 'Draft'))?.type).toBe(
      REFUSALS.forbidden,
    );
  });

  it('an empty or blank specification is invalid', () => {
    const s = opened();
    expect(checkEditSpecification(s, editCmd(people.officer, ''))?.type).toBe(REFUSALS.invalid);
    expect(checkEditSpecification(s, editCmd(people.officer, '  \n\t '))).toEqual({
      type: REFUSALS.invalid,
      stage: 'drafting',
      reason: 'the specification content is empty',
    });
  });

  it('is refused as a conflict while the panel reviews a version', () => {
    const s = underReview();
    expect(checkEditSpecification(s, editCmd(people.officer, 'Late change'))).toMatchObject({
      type: REFUSALS.conflict,
      stage: 'panel-review',
    });
  });

  it('a non-chair member editing during review is refused for role before stage', () => {
    expect(checkEditSpecification(underReview(), editCmd(people.wood, 'Late change'))?.type).toBe(
      REFUSALS.forbidden,
    );
  });

  it('checking an edit changes nothing', () => {
    const s = opened();
    const before = structuredClone(s);
    checkEditSpecification(s, editCmd(people.officer, 'Draft'));
    expect(s).toEqual(before);
  });
});

describe('submitting the specification for sign-off', () => {
  it('is refused as a conflict before there is any version', () => {
    const s = opened();
    expect(checkSubmitSpecification(s, { actor: people.officer, respondBy: RESPOND_BY }, NOW)).toMatchObject({
      type: REFUSALS.conflict,
      reason: 'there is no specification version to submit yet',
    });
  });

  it('needs a respond-by date that is a date and in the future', () => {
    const s = opened();
    edit(s, 'Draft');
    const check = (respondBy: string) =>
      checkSubmitSpecification(s, { actor: people.officer, respondBy }, NOW);
    expect(check('next Tuesday')).toMatchObject({
      type: REFUSALS.invalid,
      reason: 'respondBy is not a date-time',
    });
    expect(check(new Date(NOW).toISOString())).toMatchObject({
      type: REFUSALS.invalid,
      reason: 'respondBy must be in the future',
    });
    expect(check('2029-12-31T00:00:00Z')?.type).toBe(REFUSALS.invalid);
    expect(check(new Date(NOW + 1).toISOString())).toBeNull();
  });

  it('only the named officer may submit, not the chair', () => {
    const s = opened();
    edit(s, 'Draft');
    expect(checkSubmitSpecification(s, { actor: people.chair, respondBy: RESPOND_BY }, NOW)?.type).toBe(
      REFUSALS.forbidden,
    );
  });

  it('opens a round on the current version, awaiting the whole panel', () => {
    const s = opened(quorum(2, true));
    edit(s, 'Draft one');
    edit(s, 'Draft two');
    const change = submit(s, '2030-01-15T17:00:00+01:00');
    expect(s.stage).toBe('panel-review');
    expect(s.signOff.current).toEqual({
      specificationVersion: 2,
      respondBy: '2030-01-15T16:00:00.000Z',
      openedAt: LATER,
      decisions: [],
      outcome: 'open',
    });
    expect(s.signOff.tally?.awaiting.map((m) => m.userId)).toEqual([
      people.chair.userId,
      people.wood.userId,
      people.trowler.userId,
    ]);
    expect(s.signOff.tally?.needed).toBe('2 approvals, the chair among them');
    expect(change).toEqual({
      action: 'specification-submitted',
      detail: { specificationVersion: 2, respondBy: '2030-01-15T16:00:00.000Z' },
      effects: [],
    });
    expect(summaryOf(s).keyDates.signOffRespondBy).toBe('2030-01-15T16:00:00.000Z');
  });

  it('refuses a version sent back with requested changes until it is revised', () => {
    const s = underReview();
    decide(s, signOffCmd(people.wood, 'approve', 1));
    decide(s, signOffCmd(people.trowler, 'request-changes', 1, 'Name the local authorities.'));
    expect(s.stage).toBe('drafting');
    expect(checkSubmitSpecification(s, { actor: people.officer, respondBy: RESPOND_BY }, NOW)).toMatchObject({
      type: REFUSALS.conflict,
      reason: 'version 1 was sent back with requested changes; revise it before submitting',
    });
    edit(s, 'Revised draft');
    expect(checkSubmitSpecification(s, { actor: people.officer, respondBy: RESPOND_BY }, NOW)).toBeNull();
  });

  it('cannot be repeated while the panel is reviewing', () => {
    const s = underReview();
    expect(checkSubmitSpecification(s, { actor: people.officer, respondBy: RESPOND_BY }, NOW)?.type).toBe(
      REFUSALS.conflict,
    );
  });
});

describe('signing off', () => {
  describe('who may sign off', () => {
    it('someone not on the panel is forbidden, even when the stage is also wrong', () => {
      const s = opened();
      edit(s, 'Draft');
      expect(checkSignOff(s, signOffCmd(people.outsider, 'approve', 1))?.type).toBe(REFUSALS.forbidden);
    });

    it('the officer is forbidden to sign off', () => {
      expect(checkSignOff(underReview(), signOffCmd(people.officer, 'approve', 1))?.type).toBe(
        REFUSALS.forbidden,
      );
    });

    it('a panel member is refused as a conflict before the specification is submitted', () => {
      const s = opened();
      edit(s, 'Draft');
      expect(checkSignOff(s, signOffCmd(people.wood, 'approve', 1))).toMatchObject({
        type: REFUSALS.conflict,
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
        type: REFUSALS.invalid,
        reason: 'a request for changes needs a comment saying what to change',
      });
      expect(checkSignOff(s, signOffCmd(people.trowler, 'request-changes', 1, '   '))?.type).toBe(
        REFUSALS.invalid,
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
        type: REFUSALS.conflict,
        stage: 'panel-review',
        reason: 'specification version 1 is not under review; version 2 is',
      });
    });

    it('a version that does not exist yet is refused as a conflict', () => {
      expect(checkSignOff(underReview(), signOffCmd(people.wood, 'approve', 2))?.type).toBe(
        REFUSALS.conflict,
      );
    });
  });

  describe('deciding twice on one version', () => {
    it('a second, different decision is refused as a conflict', () => {
      const s = underReview();
      decide(s, signOffCmd(people.wood, 'approve', 1));
      expect(checkSignOff(s, signOffCmd(people.wood, 'request-changes', 1, 'On reflection, no'))).toEqual({
        type: REFUSALS.conflict,
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
        type: REFUSALS.conflict,
        stage: 'signed-off',
      });
    });

    it('a repeat by someone not on the panel is still forbidden', () => {
      const s = underReview(quorum(1, false));
      decide(s, signOffCmd(people.wood, 'approve', 1));
      const impostor: Actor = { ...people.wood, roles: ['observer'] };
      expect(checkSignOff(s, signOffCmd(impostor, 'approve', 1))?.type).toBe(REFUSALS.forbidden);
    });
  });
});

describe('declaring a conflict of interest', () => {
  const declare = (by: Actor, supplier: string, reason = 'former employer') => ({
    actor: by,
    supplier,
    reason,
  });

  it('records the conflict against the member, with the supplier name trimmed', () => {
    const s = opened();
    const change = applyDeclareConflict(s, declare(people.wood, '  Acme Research '), LATER);
    expect(s.conflicts).toEqual([
      { member: ref(people.wood), supplier: 'Acme Research', reason: 'former employer', declaredAt: LATER },
    ]);
    expect(change?.effects).toEqual([
      {
        kind: 'conflict',
        member: ref(people.wood),
        supplier: 'Acme Research',
        reason: 'former employer',
        at: LATER,
      },
    ]);
  });

  it('declaring the same conflict again is a no-op', () => {
    const s = opened();
    applyDeclareConflict(s, declare(people.wood, 'Acme Research'), LATER);
    expect(applyDeclareConflict(s, declare(people.wood, 'Acme Research '), LATER)).toBeNull();
    expect(s.conflicts).toHaveLength(1);
  });

  it('needs a supplier, and only panel members declare', () => {
    const s = opened();
    expect(checkDeclareConflict(s, declare(people.wood, '  '))?.type).toBe(REFUSALS.invalid);
    expect(checkDeclareConflict(s, declare(people.officer, 'Acme Research'))?.type).toBe(REFUSALS.forbidden);
    expect(checkDeclareConflict(s, declare(people.chair, 'Acme Research'))).toBeNull();
  });
});

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
      type: REFUSALS.conflict,
      stage: 'cancelled',
    });
  });

  it('needs a reason', () => {
    expect(checkCancel(opened(), cancel(people.officer, ' '))).toMatchObject({
      type: REFUSALS.invalid,
      reason: 'a cancellation needs a reason',
    });
  });

  it('only a named officer may cancel', () => {
    expect(checkCancel(opened(), cancel(people.chair))?.type).toBe(REFUSALS.forbidden);
    expect(checkCancel(opened(), cancel(people.otherOfficer))?.type).toBe(REFUSALS.forbidden);
  });

  it('a cancelled commission cannot be cancelled again', () => {
    const s = opened();
    applyCancel(s, cancel(people.officer), LATER);
    expect(checkCancel(s, cancel(people.officer))).toMatchObject({
      type: REFUSALS.conflict,
      stage: 'cancelled',
    });
  });
});
