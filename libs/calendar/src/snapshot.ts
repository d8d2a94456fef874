import { createHash } from 'node:crypto';
import { UK_DIVISIONS, type CalendarSnapshot, type Holiday } from '@app/contracts';
import { HOLIDAY_LIBRARY, libraryHolidays } from './holiday-library';
import { applyOverrides, readOverrides, type HolidayOverrides } from './overrides';

/** Wide enough for any procurement this product will run, and fixed so the version is stable. */
export const DEFAULT_CALENDAR_YEARS = { first: 2010, last: 2040 } as const;

function byDateThenDivision(a: Holiday, b: Holiday): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return UK_DIVISIONS.indexOf(a.division) - UK_DIVISIONS.indexOf(b.division);
}

/** A hash of what the calendar says (years and holidays), not of where it came from. */
export function calendarVersion(years: { first: number; last: number }, holidays: Holiday[]): string {
  const canonical = JSON.stringify({
    years: [years.first, years.last],
    holidays: holidays.map((h) => [h.date, h.division, h.title]),
  });
  return `sha256:${createHash('sha256').update(canonical).digest('hex').slice(0, 16)}`;
}

export function buildCalendarSnapshot(
  overrides: HolidayOverrides,
  years: { first: number; last: number } = DEFAULT_CALENDAR_YEARS,
): CalendarSnapshot {
  if (!Number.isInteger(years.first) || !Number.isInteger(years.last) || years.first > years.last) {
    throw new RangeError(`not a range of years: ${years.first}–${years.last}`);
  }
  const holidays = applyOverrides(libraryHolidays(years), overrides, years).sort(byDateThenDivision);
  return {
    version: calendarVersion(years, holidays),
    source: `${HOLIDAY_LIBRARY} (GB: ENG, WLS, SCT, NIR) with ${overrides.entries.length} overrides from ${overrides.origin}`,
    years: { first: years.first, last: years.last },
    holidays,
  };
}

const cache = new Map<string, CalendarSnapshot>();

/**
 * The calendar for this process, built once per override file and year range. The override file
 * is `overridesFile`, else the CALENDAR_OVERRIDES_FILE environment variable, else the shipped one.
 */
export function loadCalendarSnapshot(
  options: { overridesFile?: string; years?: { first: number; last: number } } = {},
): CalendarSnapshot {
  const file = options.overridesFile ?? process.env.CALENDAR_OVERRIDES_FILE ?? '';
  const years = options.years ?? DEFAULT_CALENDAR_YEARS;
  const key = `${file}|${years.first}|${years.last}`;
  let snapshot = cache.get(key);
  if (!snapshot) {
    snapshot = buildCalendarSnapshot(readOverrides(file || undefined), years);
    cache.set(key, snapshot);
  }
  return snapshot;
}
