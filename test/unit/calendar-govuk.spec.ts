import { buildCalendarSnapshot, readOverrides } from '@app/calendar';
import {
  addDays,
  dayOfWeek,
  isWorkingDay,
  yearOf,
  type CalendarDate,
  type CalendarSnapshot,
  type ProcurementRegime,
  type UkDivision,
} from '@app/contracts';
import threeDivisions from '../fixtures/bank-holidays/bank-holidays-uk-2015-2021.json';
import englandAndWales from '../fixtures/bank-holidays/bank-holidays-england-and-wales.json';

/**
 * The shipped calendar against GOV.UK's own lists (copied verbatim from ../shared/data): every
 * holiday and every ordinary day of their years must come out the same. GOV.UK lists the day a
 * holiday is kept on (a substitute weekday, not the weekend day it replaces).
 */

type GovUkFile = Record<string, { division: string; events: { date: string; title: string }[] }>;

const snapshot: CalendarSnapshot = buildCalendarSnapshot(readOverrides());

function govUkDates(file: GovUkFile, division: UkDivision): Set<CalendarDate> {
  return new Set(file[division].events.map((e) => e.date));
}

function snapshotDates(division: UkDivision, first: number, last: number): Set<CalendarDate> {
  return new Set(
    snapshot.holidays
      .filter((h) => h.division === division && yearOf(h.date) >= first && yearOf(h.date) <= last)
      .map((h) => h.date),
  );
}

function everyDay(first: number, last: number): CalendarDate[] {
  const days: CalendarDate[] = [];
  for (let d = `${first}-01-01`; yearOf(d) <= last; d = addDays(d, 1)) days.push(d);
  return days;
}

const weekend = (d: CalendarDate) => dayOfWeek(d) === 0 || dayOfWeek(d) === 6;

/** Days where the calendar disagrees with GOV.UK, as readable lines (empty when all agree). */
function disagreements(
  days: CalendarDate[],
  regime: ProcurementRegime,
  govUkHolidays: Set<CalendarDate>,
): string[] {
  return days.flatMap((day) => {
    const expected = !weekend(day) && !govUkHolidays.has(day);
    const verdict = isWorkingDay(day, regime, snapshot);
    return verdict.working === expected
      ? []
      : [
          `${day}: GOV.UK says ${expected ? 'working' : 'not working'}, calendar says ${JSON.stringify(verdict)}`,
        ];
  });
}

describe('the calendar agrees with GOV.UK for the three divisions, 2015–2021', () => {
  const file = threeDivisions as GovUkFile;

  it.each(['england-and-wales', 'scotland', 'northern-ireland'] as const)(
    'lists exactly the bank holidays GOV.UK lists for %s',
    (division) => {
      expect([...snapshotDates(division, 2015, 2021)].sort()).toEqual([...govUkDates(file, division)].sort());
    },
  );

  it('every day of 2015–2021 is a working day under PA2023 s.123 unless a weekend or a holiday in any division', () => {
    const union = new Set([
      ...govUkDates(file, 'england-and-wales'),
      ...govUkDates(file, 'scotland'),
      ...govUkDates(file, 'northern-ireland'),
    ]);
    expect(disagreements(everyDay(2015, 2021), 'PA2023', union)).toEqual([]);
    expect(disagreements(everyDay(2015, 2021), 'below-threshold', union)).toEqual([]);
  });

  it('every day of 2015–2021 is a working day under PCR2015 reg 2(1) unless a weekend or an England and Wales holiday', () => {
    expect(disagreements(everyDay(2015, 2021), 'PCR2015', govUkDates(file, 'england-and-wales'))).toEqual([]);
  });

  it('has holidays in one division that are working days in another (the union is not a formality)', () => {
    const scottishOnly = [...govUkDates(file, 'scotland')].filter(
      (d) => !govUkDates(file, 'england-and-wales').has(d),
    );
    expect(scottishOnly.length).toBeGreaterThan(10);
    for (const day of scottishOnly) {
      expect(isWorkingDay(day, 'PA2023', snapshot).working).toBe(false);
      expect(isWorkingDay(day, 'PCR2015', snapshot).working).toBe(true);
    }
  });
});

describe('the calendar agrees with GOV.UK for England and Wales, 2010–2028', () => {
  const file = englandAndWales as GovUkFile;
  const years = Array.from({ length: 2028 - 2010 + 1 }, (_, i) => 2010 + i);

  it('lists exactly the England and Wales bank holidays GOV.UK lists, one-off days included', () => {
    expect([...snapshotDates('england-and-wales', 2010, 2028)].sort()).toEqual(
      [...govUkDates(file, 'england-and-wales')].sort(),
    );
  });

  it.each(years)('every day of %i is a PCR2015 working day exactly when GOV.UK says so', (year) => {
    expect(disagreements(everyDay(year, year), 'PCR2015', govUkDates(file, 'england-and-wales'))).toEqual([]);
  });
});
