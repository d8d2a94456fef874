import { decideRegime } from '../../apps/api/src/commissions/tender/regime-decision';

describe('the regime of a new commission', () => {
  const on = (iso: string) => new Date(iso);

  it.each([
    ['2025-02-23T12:00:00Z', 1_000_000, 'PCR2015'],
    ['2025-02-24T12:00:00Z', 139_688, 'PA2023'],
    ['2025-02-24T12:00:00Z', 139_687.99, 'below-threshold'],
    ['2025-12-31T12:00:00Z', 136_000, 'below-threshold'],
    ['2026-01-01T12:00:00Z', 136_000, 'PA2023'],
    ['2026-11-26T12:00:00Z', 100_000, 'below-threshold'],
  ] as const)('on %s a value of £%d is derived as %s, with the reason recorded', (day, value, regime) => {
    const d = decideRegime(undefined, value, undefined, on(day));
    expect(d.regime).toBe(regime);
    expect(d.basis).toMatchObject({ source: 'derived', contradiction: null, justification: null });
    expect(d.problems).toEqual([]);
  });

  it('names the threshold in force in the reason', () => {
    expect(decideRegime(undefined, 100_000, undefined, on('2026-11-26T12:00:00Z')).basis.reason).toMatch(
      /^£100,000 is below the £135,018 threshold in force on 26 November 2026/,
    );
  });

  it('without a value or a regime assumes PA2023 and says so', () => {
    expect(decideRegime(undefined, undefined, undefined, on('2026-11-26T12:00:00Z'))).toMatchObject({
      regime: 'PA2023',
      basis: { source: 'default', reason: expect.stringContaining('no estimated value') },
    });
  });

  it('a chosen regime that contradicts the value needs a justification, which is recorded', () => {
    const refused = decideRegime('below-threshold', 500_000, undefined, on('2026-11-26T12:00:00Z'));
    expect(refused.problems).toEqual([
      { field: 'regimeJustification', message: expect.stringContaining('point to PA2023') },
    ]);
    const justified = decideRegime(
      'below-threshold',
      500_000,
      ' Lots split by region ',
      on('2026-11-26T12:00:00Z'),
    );
    expect(justified.problems).toEqual([]);
    expect(justified.basis).toMatchObject({ source: 'chosen', justification: 'Lots split by region' });
  });

  it('a chosen regime consistent with the value needs nothing more', () => {
    const d = decideRegime('PA2023', 500_000, undefined, on('2026-11-26T12:00:00Z'));
    expect(d.problems).toEqual([]);
    expect(d.basis.contradiction).toBeNull();
  });
});
