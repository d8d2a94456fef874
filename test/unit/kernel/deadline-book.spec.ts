import type { CommissionView } from '@app/contracts';
import {
  applyDeadlineChanges,
  openReportDeadlines,
} from '../../../workflows/commission/kernel/deadline-book';
import { findDeadline } from '../../../workflows/commission/kernel/deadlines';
import { initialState } from '../../../workflows/commission/initial-state';
import { newCommission } from '../fixtures';

const NOW = Date.parse('2030-01-02T09:00:00.000Z');
const tracked = (): CommissionView => {
  const s = initialState(newCommission(), '2030-01-01T09:00:00.000Z');
  openReportDeadlines(s, NOW);
  return s;
};

describe('applying what a change says about deadlines', () => {
  it('opens a new version of a milestone, closing the previous one as met, and keeps its on-due transition', () => {
    const s = tracked();
    applyDeadlineChanges(s, [{ open: 'sign-off', dueAt: '2030-01-10T17:00:00.000Z' }], NOW);
    applyDeadlineChanges(
      s,
      [{ open: 'sign-off', dueAt: '2030-01-20T17:00:00.000Z', onDue: 'close-x' }],
      NOW + 1000,
    );
    const d = findDeadline(s.deadlines, 'sign-off')!;
    expect(d).toMatchObject({
      version: 2,
      dueAt: '2030-01-20T17:00:00.000Z',
      onDue: 'close-x',
      closedReason: null,
    });
  });

  it('moves a deadline to a new version with fresh reminders, keeping its on-due transition', () => {
    const s = tracked();
    applyDeadlineChanges(
      s,
      [{ open: 'tender-close', dueAt: '2030-02-01T12:00:00.000Z', onDue: 'close-tender' }],
      NOW,
    );
    applyDeadlineChanges(s, [{ move: 'tender-close', dueAt: '2030-02-08T12:00:00.000Z' }], NOW);
    expect(findDeadline(s.deadlines, 'tender-close')).toMatchObject({
      version: 2,
      dueAt: '2030-02-08T12:00:00.000Z',
      onDue: 'close-tender',
    });
  });

  it('closes a milestone as met', () => {
    const s = tracked();
    applyDeadlineChanges(s, [{ open: 'sign-off', dueAt: '2030-01-10T17:00:00.000Z' }], NOW);
    applyDeadlineChanges(s, [{ close: 'sign-off', reason: 'met' }], NOW + 5000);
    expect(findDeadline(s.deadlines, 'sign-off')).toMatchObject({
      closedReason: 'met',
      metAt: new Date(NOW + 5000).toISOString(),
    });
  });

  it('closes everything once the commission reaches a final stage', () => {
    const s = tracked();
    s.stage = 'cancelled';
    applyDeadlineChanges(s, [], NOW);
    expect(s.deadlines!.map((d) => d.closedReason)).toEqual(['cancelled', 'cancelled']);
  });

  it('does nothing on a commission from before deadlines were tracked', () => {
    const s = initialState(newCommission(), '2030-01-01T09:00:00.000Z');
    applyDeadlineChanges(s, [{ open: 'sign-off', dueAt: '2030-01-10T17:00:00.000Z' }], NOW);
    expect(s.deadlines).toBeUndefined();
  });
});
