import { STAGES, canRead, viewFor, type CommissionView, type Stage } from '@app/contracts';
import { initialState } from '../../workflows/commission/initial-state';
import { newCommission, people, person } from './fixtures';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A commission in tendering with two questions (one answered) and three bids from two suppliers. */
function tendering(stage: Stage = 'tendering'): CommissionView {
  const s = initialState(newCommission(), '2030-01-01T09:00:00.000Z');
  s.stage = stage;
  s.estimatedValue = 100_000;
  s.clarifications = [
    {
      id: uuid(1),
      question: 'Acme asks',
      askedBy: person(people.supplier),
      askedAt: '2030-01-05T00:00:00Z',
      answer: { text: 'Answered', by: { userId: 'officer.one', name: 'O' }, at: '2030-01-06T00:00:00Z' },
    },
    {
      id: uuid(2),
      question: 'Birch asks',
      askedBy: person(people.rival),
      askedAt: '2030-01-05T00:00:00Z',
      answer: null,
    },
  ];
  const receipt = (n: number, who: typeof people.supplier, status: 'current' | 'superseded') => ({
    bidId: uuid(100 + n),
    supplier: person(who),
    submittedAt: '2030-01-07T00:00:00Z',
    contentHash: `sha256:${n}`,
    size: 10,
    status,
    supersedes: null,
  });
  s.bids = {
    receipts: [
      receipt(1, people.supplier, 'superseded'),
      receipt(2, people.rival, 'current'),
      receipt(3, people.supplier, 'current'),
    ],
  };
  return s;
}

describe('read rules for the tender', () => {
  it('suppliers see nothing before publication, then the tender but never the estimated value', () => {
    for (const stage of STAGES) {
      const published = !['drafting', 'panel-review', 'signed-off', 'cancelled'].includes(stage);
      expect(canRead('tender', { stage }, people.supplier)).toBe(published);
      expect(canRead('regime', { stage }, people.supplier)).toBe(false);
    }
    expect(viewFor(tendering('signed-off'), people.supplier)).toBeNull();
    const v = viewFor(tendering(), people.supplier)!;
    expect(v).not.toHaveProperty('estimatedValue');
    expect(v).not.toHaveProperty('panel');
  });

  it('a supplier sees answered questions and its own, never who asked', () => {
    const acme = viewFor(tendering(), people.supplier)!;
    expect(acme.clarifications).toEqual([
      expect.objectContaining({ id: uuid(1), askedByYou: true, answer: expect.anything() }),
    ]);
    const birch = viewFor(tendering(), people.rival)!;
    expect(
      birch.clarifications!.map((c) => [c.id, (c as unknown as { askedByYou: boolean }).askedByYou]),
    ).toEqual([
      [uuid(1), false],
      [uuid(2), true],
    ]);
    expect(JSON.stringify(birch)).not.toContain(people.supplier.userId);
    expect(JSON.stringify(viewFor(tendering(), people.third))).not.toMatch(/supplier\.(acme|birch)/);
  });

  it('a supplier sees only its own bid receipts and no count; staff see every receipt and the count', () => {
    const acme = viewFor(tendering(), people.supplier)!;
    expect(acme.bids).toEqual({
      receipts: [
        expect.objectContaining({ bidId: uuid(101) }),
        expect.objectContaining({ bidId: uuid(103) }),
      ],
    });
    for (const who of [people.officer, people.chair, people.observer, people.admin]) {
      const v = viewFor(tendering(), who)!;
      expect(v.bids).toMatchObject({ count: 2 });
      expect((v.bids as { receipts: unknown[] }).receipts).toHaveLength(3);
      expect(v.clarifications).toHaveLength(2);
    }
  });
});
