import type { Actor } from '@app/contracts';
import { header, mustRead, present } from '../../../apps/api/src/commissions/commission-presenter';
import { initialState } from '../../../workflows/commission/initial-state';
import { newCommission, people } from '../fixtures';

const opened = () => initialState(newCommission(), '2030-01-01T09:00:00.000Z');

describe('presenting a commission', () => {
  it('gives an officer the view and what they may do', () => {
    const p = present(opened(), people.officer);
    expect(p.panel).toHaveLength(3);
    expect(p.allowedActions).toEqual([
      'edit-specification',
      'submit-specification',
      'move-deadline',
      'cancel',
    ]);
  });

  it('answers 404 to a supplier for an unpublished commission', () => {
    expect(() => present(opened(), people.supplier)).toThrow(expect.objectContaining({ status: 404 }));
  });

  it('heads every sub-resource with id, stage, version and actions', () => {
    expect(header(opened(), people.wood)).toEqual({
      commissionId: opened().id,
      stage: 'drafting',
      version: 0,
      allowedActions: ['declare-conflict'],
    });
  });

  it('refuses with 403 a part the role never reads, and 404 a hidden commission', () => {
    const supplier: Actor = people.supplier;
    expect(() => mustRead('history', opened(), supplier)).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => mustRead('history', opened(), people.observer)).not.toThrow();
  });
});
