import {
  PART_FIELDS,
  PUBLISHED_STAGES,
  STAGES,
  VIEW_PARTS,
  canRead,
  historyDetailFor,
  isPublic,
  viewFor,
  type CommissionView,
  type Role,
} from '@app/contracts';
import { initialState } from '../../workflows/commission/initial-state';
import { newCommission, people } from './fixtures';

const as = (...roles: Role[]) => ({ userId: 'reader.one', roles });
const opened = () => initialState(newCommission(), '2030-01-01T09:00:00.000Z');

describe('read rules', () => {
  it('give every field of the view to exactly one part', () => {
    const fields = VIEW_PARTS.flatMap((p) => PART_FIELDS[p] as readonly string[]);
    expect(new Set(fields).size).toBe(fields.length);
    const state = { ...opened(), deadlines: [], deadlineMoves: [] };
    // Later stages' fields are optional and absent here; every field present belongs to a part.
    for (const key of Object.keys(state)) expect(fields).toContain(key);
  });

  it('show staff the whole view in every stage', () => {
    const state = opened();
    for (const role of ['officer', 'panel', 'observer', 'admin'] as Role[]) {
      expect(viewFor(state, as(role))).toEqual(state);
    }
  });

  it('hide an unpublished commission from a supplier altogether', () => {
    expect(viewFor(opened(), as('supplier'))).toBeNull();
  });

  it('show a supplier only the identity of a published commission', () => {
    const state = { ...opened(), stage: 'tendering' as const };
    const seen = viewFor(state, as('supplier'))!;
    expect(Object.keys(seen).sort()).toEqual([...PART_FIELDS.identity].sort());
    expect(seen).not.toHaveProperty('panel');
    expect(seen).not.toHaveProperty('specification');
  });

  it('never let a supplier read history or reminders, in any stage', () => {
    for (const stage of STAGES) {
      expect(canRead('history', { stage }, as('supplier'))).toBe(false);
      expect(canRead('reminders', { stage }, as('supplier'))).toBe(false);
      expect(canRead('identity', { stage }, as('supplier'))).toBe(PUBLISHED_STAGES.includes(stage));
    }
  });

  it('take the union of a caller’s roles', () => {
    expect(viewFor(opened(), as('supplier', 'observer'))).toEqual(opened());
  });

  describe("every member's scores", () => {
    const scored = (): CommissionView => ({
      ...opened(),
      stage: 'evaluation',
      evaluation: { scores: [] } as unknown as CommissionView['evaluation'],
    });
    const detail = {
      bidId: 'b-1',
      supplier: 'acme',
      scores: [{ criterion: 'Quality', score: 70, comment: 'Good' }],
    };

    it("go to the commission's own officers and panel", () => {
      for (const reader of [people.officer, people.chair, people.wood]) {
        expect(viewFor(scored(), reader)).toHaveProperty('evaluation');
        expect(historyDetailFor('bid-scored', detail, scored(), reader)).toEqual(detail);
      }
    });

    it('are withheld from other officers and panel members, observers and admins, in the view and the history', () => {
      for (const reader of [
        people.otherOfficer,
        people.outsider,
        people.observer,
        as('admin'),
        as('panel'),
      ]) {
        const seen = viewFor(scored(), reader)!;
        expect(seen).not.toHaveProperty('evaluation');
        expect(seen).toHaveProperty('stage', 'evaluation');
        expect(historyDetailFor('bid-scored', detail, scored(), reader)).toEqual({
          bidId: 'b-1',
          supplier: 'acme',
        });
      }
      expect(historyDetailFor('contract-awarded', detail, scored(), people.observer)).toEqual(detail);
    });
  });

  describe('a cancelled commission', () => {
    const notice = (type: string) => ({ type, publishedAt: '2030-02-01T09:00:00.000Z' });
    const cancelled = (...types: string[]): CommissionView => ({
      ...opened(),
      stage: 'cancelled',
      cancellation: {
        reason: 'The policy changed',
        by: { userId: 'o', name: 'O' },
        at: '2030-03-01T09:00:00.000Z',
      },
      notices: types.map(notice) as CommissionView['notices'],
    });

    it('stays hidden from suppliers when nothing of it was ever published', () => {
      expect(isPublic(cancelled())).toBe(false);
      expect(viewFor(cancelled(), as('supplier'))).toBeNull();
      // A below-threshold termination is recorded, not published: it alone makes nothing public.
      expect(viewFor(cancelled('below-threshold-termination'), as('supplier'))).toBeNull();
    });

    it('stays public once its tender was published: the stage and notices, never the staff-only parts', () => {
      const state = cancelled('UK4', 'UK12');
      expect(isPublic(state)).toBe(true);
      const seen = viewFor(state, as('supplier'))!;
      expect(seen.stage).toBe('cancelled');
      expect(seen.notices?.map((n) => n.type)).toEqual(['UK4', 'UK12']);
      expect(seen).not.toHaveProperty('cancellation');
      expect(seen).not.toHaveProperty('panel');
      expect(canRead('history', state, as('supplier'))).toBe(false);
      expect(canRead('tender', state, as('supplier'))).toBe(true);
    });
  });
});
