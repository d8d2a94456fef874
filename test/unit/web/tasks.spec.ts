import { byUrgency, tasksIn, type Task } from '../../../apps/api/src/tasks/task';
import { awaits, involves } from '../../../apps/api/src/tasks/involvement';
import { approve, people } from '../fixtures';
import { ViewFixture } from './view-fixture';

const NOW = new Date('2027-01-10T12:00:00Z');
const RESPOND_BY = '2027-01-15T17:00:00.000Z';
const kinds = (tasks: Task[]) => tasks.map((t) => t.kind);

describe('what waits on whom in one commission', () => {
  it('asks the officers to write a specification when there is none', () => {
    const view = ViewFixture.drafting().view;
    expect(tasksIn(view, people.officer, NOW)).toEqual([
      expect.objectContaining({
        kind: 'write-specification',
        summary: 'Write the specification',
        dueAt: null,
        path: `/commissions/${view.id}/specification/edit`,
      }),
    ]);
    expect(tasksIn(view, people.otherOfficer, NOW)).toEqual([]);
    expect(tasksIn(view, people.chair, NOW)).toEqual([]);
  });

  it('asks them to submit a version that is ready, and to revise one sent back', () => {
    const ready = ViewFixture.drafting().withVersion(1);
    expect(kinds(tasksIn(ready.view, people.officer, NOW))).toEqual(['submit-specification']);
    const sentBack = ready.inReview(RESPOND_BY).changesRequested('Say how authorities are chosen');
    expect(tasksIn(sentBack.view, people.officer, NOW)).toEqual([
      expect.objectContaining({
        kind: 'revise-specification',
        summary: 'Revise version 1 of the specification: the panel asked for changes',
        specificationVersion: 1,
      }),
    ]);
  });

  it('asks each panel member who has not decided for a decision by the respond-by date', () => {
    const view = ViewFixture.drafting()
      .withVersion(2)
      .inReview(RESPOND_BY, [approve(people.wood)]).view;
    expect(tasksIn(view, people.chair, NOW)).toEqual([
      expect.objectContaining({
        kind: 'decide-on-specification',
        summary: 'Decide on version 2 of the specification',
        dueAt: RESPOND_BY,
        overdue: false,
        path: `/commissions/${view.id}/sign-off`,
      }),
    ]);
    expect(tasksIn(view, people.wood, NOW)).toEqual([]);
    expect(tasksIn(view, people.outsider, NOW)).toEqual([]);
    expect(tasksIn(view, people.officer, NOW)).toEqual([]);
  });

  it('shows an overdue deadline to the officers and observers, and the overdue decision to the member', () => {
    const view = ViewFixture.drafting().withVersion(1).inReview('2027-01-09T17:00:00.000Z').view;
    for (const who of [people.officer, people.observer]) {
      expect(tasksIn(view, who, NOW)).toEqual([
        expect.objectContaining({
          kind: 'overdue-deadline',
          milestone: 'sign-off',
          summary: 'The panel’s sign-off is overdue',
          overdue: true,
        }),
      ]);
    }
    expect(tasksIn(view, people.trowler, NOW)).toEqual([
      expect.objectContaining({ kind: 'decide-on-specification', overdue: true }),
    ]);
  });

  it('has nothing for anyone once a commission is signed off or cancelled', () => {
    const signedOff = ViewFixture.drafting().withVersion(1).signedOff().view;
    const cancelled = ViewFixture.drafting().cancelled('No longer needed').view;
    for (const view of [signedOff, cancelled]) {
      for (const who of Object.values(people)) expect(tasksIn(view, who, NOW)).toEqual([]);
    }
  });
});

describe('the order of tasks', () => {
  const task = (title: string, dueAt: string | null): Task => ({
    kind: dueAt ? 'decide-on-specification' : 'write-specification',
    commissionId: title,
    commissionTitle: title,
    stage: 'drafting',
    summary: 'x',
    dueAt,
    overdue: false,
    specificationVersion: null,
    milestone: null,
    path: '/',
  });

  it('puts the earliest due date first and undated tasks last, by title', () => {
    const sorted = [
      task('B undated', null),
      task('later', '2027-02-01T17:00:00Z'),
      task('A undated', null),
      task('overdue', '2027-01-01T17:00:00Z'),
    ].sort(byUrgency);
    expect(sorted.map((t) => t.commissionTitle)).toEqual(['overdue', 'later', 'A undated', 'B undated']);
  });
});

describe('the list filters', () => {
  const review = ViewFixture.drafting().withVersion(1).inReview(RESPOND_BY).view;

  it('mine: the officers, panel and observers named on a commission', () => {
    for (const who of [people.officer, people.chair, people.wood, people.observer])
      expect(involves(review, who)).toBe(true);
    for (const who of [people.otherOfficer, people.outsider, people.supplier])
      expect(involves(review, who)).toBe(false);
  });

  it('awaiting=me: only people whose action moves it on, not those merely told it is late', () => {
    const late = ViewFixture.drafting().withVersion(1).inReview('2027-01-09T17:00:00.000Z').view;
    expect(awaits(late, people.chair, NOW)).toBe(true);
    expect(awaits(late, people.officer, NOW)).toBe(false);
    expect(awaits(ViewFixture.drafting().view, people.officer, NOW)).toBe(true);
  });
});
