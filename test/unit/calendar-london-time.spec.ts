import {
  endOfLondonDay,
  formatLondon,
  lastSundayOf,
  londonDateOf,
  londonInstant,
  londonOffsetMinutes,
  startOfLondonDay,
  summerTimeEnds,
  summerTimeStarts,
} from '@app/contracts';

/**
 * The pure London-time helper (used in workflow code, where Intl's time-zone data must not be
 * relied on) checked against Intl's Europe/London, which the test host has.
 */
const HOUR = 3_600_000;

const intlOffsetMinutes = (() => {
  const format = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'shortOffset' });
  return (ms: number): number => {
    const name = format.formatToParts(ms).find((p) => p.type === 'timeZoneName')!.value; // "GMT" or "GMT+1"
    return name === 'GMT' ? 0 : Number(name.slice(3)) * 60;
  };
})();

const intlDate = (() => {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', dateStyle: 'short' });
  return (ms: number): string => format.format(ms); // en-CA writes YYYY-MM-DD
})();

describe('London offset, against Intl', () => {
  it('agrees every hour from 2015 to 2035', () => {
    const wrong: string[] = [];
    for (let ms = Date.UTC(2015, 0, 1); ms < Date.UTC(2036, 0, 1); ms += HOUR) {
      if (londonOffsetMinutes(ms) !== intlOffsetMinutes(ms)) wrong.push(new Date(ms).toISOString());
    }
    expect(wrong).toEqual([]);
  });

  it('agrees every minute around each change of the clocks from 2015 to 2030', () => {
    const wrong: string[] = [];
    for (let year = 2015; year <= 2030; year += 1) {
      for (const change of [summerTimeStarts(year), summerTimeEnds(year)]) {
        for (let ms = change - 2 * HOUR; ms <= change + 2 * HOUR; ms += 60_000) {
          if (londonOffsetMinutes(ms) !== intlOffsetMinutes(ms)) wrong.push(new Date(ms).toISOString());
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('puts every half hour of 2024–2027 on the London day Intl gives', () => {
    const wrong: string[] = [];
    for (let ms = Date.UTC(2024, 0, 1); ms < Date.UTC(2028, 0, 1); ms += HOUR / 2) {
      if (londonDateOf(ms) !== intlDate(ms)) wrong.push(new Date(ms).toISOString());
    }
    expect(wrong).toEqual([]);
  });
});

describe('the changes of the clocks (Summer Time Order 2002)', () => {
  it.each([
    // Last Sundays worked out from a wall calendar.
    [2025, '2025-03-30', '2025-10-26'],
    [2026, '2026-03-29', '2026-10-25'],
    [2027, '2027-03-28', '2027-10-31'],
  ])('%i: forward on %s, back on %s, both at 01:00 GMT', (year, march, october) => {
    expect(lastSundayOf(year, 3)).toBe(march);
    expect(lastSundayOf(year, 10)).toBe(october);
    expect(new Date(summerTimeStarts(year)).toISOString()).toBe(`${march}T01:00:00.000Z`);
    expect(new Date(summerTimeEnds(year)).toISOString()).toBe(`${october}T01:00:00.000Z`);
  });
});

describe('London days and instants', () => {
  it('midnight starts a summer day at 23:00 UTC the day before', () => {
    expect(new Date(startOfLondonDay('2027-06-10')).toISOString()).toBe('2027-06-09T23:00:00.000Z');
    expect(formatLondon(startOfLondonDay('2027-06-10'))).toBe('2027-06-10T00:00:00+01:00');
  });

  it('midnight starts a winter day at 00:00 UTC', () => {
    expect(formatLondon(startOfLondonDay('2026-12-21'))).toBe('2026-12-21T00:00:00+00:00');
  });

  it('the day the clocks go forward starts in GMT and ends in BST, 23 hours later', () => {
    expect(endOfLondonDay('2026-03-29') - startOfLondonDay('2026-03-29')).toBe(23 * HOUR);
    expect(formatLondon(endOfLondonDay('2026-03-29'))).toBe('2026-03-30T00:00:00+01:00');
  });

  it('the day the clocks go back lasts 25 hours', () => {
    expect(endOfLondonDay('2026-10-25') - startOfLondonDay('2026-10-25')).toBe(25 * HOUR);
  });

  it('an instant late in a summer evening UTC is already the next London day', () => {
    expect(londonDateOf('2026-07-09T23:30:00Z')).toBe('2026-07-10');
    expect(londonDateOf('2026-12-09T23:30:00Z')).toBe('2026-12-09');
    expect(londonDateOf('2026-07-10T00:30:00+01:00')).toBe('2026-07-10');
  });

  it('reads a wall-clock time in London, the repeated autumn hour as summer time', () => {
    expect(new Date(londonInstant('2026-07-01', '17:00')).toISOString()).toBe('2026-07-01T16:00:00.000Z');
    expect(new Date(londonInstant('2026-12-01', '17:00')).toISOString()).toBe('2026-12-01T17:00:00.000Z');
    expect(new Date(londonInstant('2026-10-25', '01:30')).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('keeps milliseconds only when there are some', () => {
    expect(formatLondon(Date.UTC(2026, 6, 2, 9, 0, 30))).toBe('2026-07-02T10:00:30+01:00');
    expect(formatLondon(Date.UTC(2026, 6, 2, 9, 0, 30, 250))).toBe('2026-07-02T10:00:30.250+01:00');
  });

  it('refuses a time without an offset, which would be read in the host’s zone', () => {
    expect(() => londonDateOf('2026-07-10T10:00:00', 'from')).toThrow(
      /from must be an ISO 8601 date-time with an offset/,
    );
  });
});
