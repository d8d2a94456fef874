import { summaryOf } from '../../../workflows/commission/initial-state';
import { openReportDeadlines } from '../../../workflows/commission/kernel/deadline-book';
import { OPENED_AT, NOW, opened } from './steps';

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
