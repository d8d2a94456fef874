import { checkSubmitSpecification } from '../../../workflows/commission/stages/specification';
import { summaryOf } from '../../../workflows/commission/initial-state';
import { people, quorum } from '../fixtures';
import { NOW, RESPOND_BY, LATER, signOffCmd, opened, edit, submit, decide, underReview } from './steps';

describe('submitting the specification for sign-off', () => {
  it('is refused as a conflict before there is any version', () => {
    const s = opened();
    expect(checkSubmitSpecification(s, { actor: people.officer, respondBy: RESPOND_BY }, NOW)).toMatchObject({
      code: 'nothing-to-submit',
      reason: 'there is no specification version to submit yet',
    });
  });

  it('needs a respond-by date that is a date and in the future', () => {
    const s = opened();
    edit(s, 'Draft');
    const check = (respondBy: string) =>
      checkSubmitSpecification(s, { actor: people.officer, respondBy }, NOW);
    expect(check('next Tuesday')).toMatchObject({
      code: 'invalid-input',
      reason: 'respondBy is not a date-time',
    });
    expect(check(new Date(NOW).toISOString())).toMatchObject({
      code: 'invalid-input',
      reason: 'respondBy must be in the future',
    });
    expect(check('2029-12-31T00:00:00Z')?.code).toBe('invalid-input');
    expect(check(new Date(NOW + 1).toISOString())).toBeNull();
  });

  it('only the named officer may submit, not the chair', () => {
    const s = opened();
    edit(s, 'Draft');
    expect(checkSubmitSpecification(s, { actor: people.chair, respondBy: RESPOND_BY }, NOW)?.code).toBe(
      'wrong-role',
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
      deadlines: [{ open: 'sign-off', dueAt: '2030-01-15T16:00:00.000Z' }],
    });
    expect(summaryOf(s).keyDates.signOffRespondBy).toBe('2030-01-15T16:00:00.000Z');
  });

  it('refuses a version sent back with requested changes until it is revised', () => {
    const s = underReview();
    decide(s, signOffCmd(people.wood, 'approve', 1));
    decide(s, signOffCmd(people.trowler, 'request-changes', 1, 'Name the local authorities.'));
    expect(s.stage).toBe('drafting');
    expect(checkSubmitSpecification(s, { actor: people.officer, respondBy: RESPOND_BY }, NOW)).toMatchObject({
      code: 'unrevised-after-changes',
      reason: 'version 1 was sent back with requested changes; revise it before submitting',
    });
    edit(s, 'Revised draft');
    expect(checkSubmitSpecification(s, { actor: people.officer, respondBy: RESPOND_BY }, NOW)).toBeNull();
  });

  it('cannot be repeated while the panel is reviewing', () => {
    const s = underReview();
    expect(checkSubmitSpecification(s, { actor: people.officer, respondBy: RESPOND_BY }, NOW)?.code).toBe(
      'wrong-stage',
    );
  });
});
