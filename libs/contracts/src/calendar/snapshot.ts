import { yearOf, type CalendarDate } from './calendar-date';
import { londonDateOf } from './london-time';
import { CalendarInputError } from './errors';

/** The three parts of the UK with their own bank holidays (Banking and Financial Dealings Act 1971 Sch.1). */
export const UK_DIVISIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
export type UkDivision = (typeof UK_DIVISIONS)[number];

export const DIVISION_NAMES: Record<UkDivision, string> = {
  'england-and-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};

/** One bank holiday in one division, on the weekday it is kept (a substitute day, not the weekend day). */
export interface Holiday {
  date: CalendarDate;
  division: UkDivision;
  title: string;
}

/**
 * The holiday data a calculation used, passed in so the maths stays pure. `version` is a hash of
 * the content: a date computed once is recorded with it, so anyone can tell which calendar
 * produced it even after one-off holidays are announced and the data changes.
 */
export interface CalendarSnapshot {
  version: string;
  /** Where the data came from, for people: library and version, override file. */
  source: string;
  /** The years the holidays cover, inclusive; a day outside them cannot be judged. */
  years: { first: number; last: number };
  holidays: Holiday[];
}

// eslint-disable-next-line no-restricted-syntax -- a memo of a pure function, the same for every workflow
const indexes = new WeakMap<CalendarSnapshot, Map<CalendarDate, Holiday[]>>();

function indexOf(snapshot: CalendarSnapshot): Map<CalendarDate, Holiday[]> {
  let index = indexes.get(snapshot);
  if (!index) {
    index = new Map();
    for (const h of snapshot.holidays) index.set(h.date, [...(index.get(h.date) ?? []), h]);
    indexes.set(snapshot, index);
  }
  return index;
}

/** The bank holidays on a day in the given divisions. */
export function holidaysOn(
  snapshot: CalendarSnapshot,
  date: CalendarDate,
  divisions: readonly UkDivision[] = UK_DIVISIONS,
): Holiday[] {
  assertCovered(snapshot, date, 'date');
  return (indexOf(snapshot).get(date) ?? []).filter((h) => divisions.includes(h.division));
}

/**
 * Why a due date cannot be taken, when its London day falls outside the calendar's years: every
 * reminder, period and timetable check counts working days, so a date the calendar cannot count is
 * refused where it is given rather than failing each check after.
 */
export function uncoveredDateProblem(snapshot: CalendarSnapshot, instant: number): string | null {
  const date = londonDateOf(instant);
  const year = yearOf(date);
  if (year >= snapshot.years.first && year <= snapshot.years.last) return null;
  return `must fall within the bank-holiday calendar's years (${snapshot.years.first}–${snapshot.years.last}); ${date} is outside them`;
}

export function assertCovered(snapshot: CalendarSnapshot, date: CalendarDate, field: string): void {
  const year = yearOf(date);
  if (year < snapshot.years.first || year > snapshot.years.last) {
    throw new CalendarInputError(
      field,
      `the calendar covers ${snapshot.years.first}–${snapshot.years.last}; ${date} is outside it`,
    );
  }
}
