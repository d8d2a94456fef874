import { seedDates } from '../../scripts/seed';

describe('the seed’s dates', () => {
  it('default to the coming September and December, 5pm London, interim reports before each (the second’s after the first’s, which it draws on)', () => {
    const now = Date.parse('2026-11-26T09:00:00Z');
    expect(seedDates({}, now)).toEqual({
      first: { interimReportDueAt: '2027-07-01T16:00:00.000Z', finalReportDueAt: '2027-09-30T16:00:00.000Z' },
      second: {
        interimReportDueAt: '2027-10-29T16:00:00.000Z',
        finalReportDueAt: '2027-12-17T17:00:00.000Z',
      },
    });
  });

  it('take this year’s September while it is still to come, and what the environment says', () => {
    const now = Date.parse('2027-03-01T09:00:00Z');
    expect(seedDates({}, now).first.finalReportDueAt).toBe('2027-09-30T16:00:00.000Z');
    const set = seedDates({ SEED_FIRST_FINAL: '2028-09-29T16:00:00.000Z' }, now);
    expect(set.first.finalReportDueAt).toBe('2028-09-29T16:00:00.000Z');
    expect(set.second.finalReportDueAt).toBe('2028-12-17T17:00:00.000Z');
  });
});
