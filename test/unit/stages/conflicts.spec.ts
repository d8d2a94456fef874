import type { Actor } from '@app/contracts';
import { applyDeclareConflict, checkDeclareConflict } from '../../../workflows/commission/stages/conflicts';
import { people } from '../fixtures';
import { LATER, ref, opened } from './steps';

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
    expect(checkDeclareConflict(s, declare(people.wood, '  '))?.code).toBe('invalid-input');
    expect(checkDeclareConflict(s, declare(people.officer, 'Acme Research'))?.code).toBe('wrong-role');
    expect(checkDeclareConflict(s, declare(people.chair, 'Acme Research'))).toBeNull();
  });
});
