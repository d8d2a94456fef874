import {
  addDays,
  assertCalendarDate,
  dayOfWeek,
  daysBetween,
  yearOf,
  type CalendarDate,
} from './calendar-date';
import { goodFriday } from './easter';
import { CalendarInputError } from './errors';
import { REGIME_RULES, type ProcurementRegime } from './regimes';
import { assertCovered, DIVISION_NAMES, holidaysOn, type CalendarSnapshot, type Holiday } from './snapshot';

/** A working day, or not with why: "Saturday", "St Andrew’s Day, a bank holiday in Scotland". */
export type DayVerdict = { working: true } | { working: false; why: string };

export interface SkippedDay {
  date: CalendarDate;
  why: string;
}

/** Longest span a caller may ask about at once: enough for any procurement timetable. */
export const MAX_WORKING_DAY_RANGE_DAYS = 2 * 366;

function describeHolidays(holidays: Holiday[]): string {
  const byTitle = new Map<string, string[]>();
  for (const h of holidays)
    byTitle.set(h.title, [...(byTitle.get(h.title) ?? []), DIVISION_NAMES[h.division]]);
  return [...byTitle].map(([title, places]) => `${title}, a bank holiday in ${joinNames(places)}`).join('; ');
}

function joinNames(names: string[]): string {
  return names.length <= 1
    ? names.join('')
    : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * Whether a London calendar day is a working day under a regime: PA2023 s.123 (and so below
 * threshold, which is PA2023 too) excludes a bank holiday in any UK division; PCR2015 reg 2(1)
 * only those of England and Wales. Both name Christmas Day and Good Friday themselves.
 */
export function isWorkingDay(
  date: CalendarDate,
  regime: ProcurementRegime,
  snapshot: CalendarSnapshot,
): DayVerdict {
  assertCalendarDate(date, 'date');
  assertCovered(snapshot, date, 'date');
  const rules = REGIME_RULES[regime].workingDays;
  const weekday = dayOfWeek(date);
  if (weekday === 6) return { working: false, why: 'Saturday' };
  if (weekday === 0) return { working: false, why: 'Sunday' };
  const holidays = holidaysOn(snapshot, date, rules.divisions);
  if (holidays.length > 0) return { working: false, why: describeHolidays(holidays) };
  if (rules.alsoNot.includes('christmas-day') && date.slice(5) === '12-25') {
    return { working: false, why: `Christmas Day (${rules.rule.citation})` };
  }
  if (rules.alsoNot.includes('good-friday') && date === goodFriday(yearOf(date))) {
    return { working: false, why: `Good Friday (${rules.rule.citation})` };
  }
  return { working: true };
}

/** Every day from `from` to `to` inclusive, sorted into working days and days skipped with why. */
export function workingDaysBetween(
  from: CalendarDate,
  to: CalendarDate,
  regime: ProcurementRegime,
  snapshot: CalendarSnapshot,
): { workingDays: CalendarDate[]; skipped: SkippedDay[] } {
  assertCalendarDate(from, 'from');
  assertCalendarDate(to, 'to');
  const span = daysBetween(from, to);
  if (span < 0) throw new CalendarInputError('to', 'to must be on or after from');
  if (span > MAX_WORKING_DAY_RANGE_DAYS) {
    throw new CalendarInputError('to', `ask for at most ${MAX_WORKING_DAY_RANGE_DAYS} days at once`);
  }
  assertCovered(snapshot, from, 'from');
  assertCovered(snapshot, to, 'to');
  const workingDays: CalendarDate[] = [];
  const skipped: SkippedDay[] = [];
  for (let day = from; daysBetween(day, to) >= 0; day = addDays(day, 1)) {
    const verdict = isWorkingDay(day, regime, snapshot);
    if (verdict.working) workingDays.push(day);
    else skipped.push({ date: day, why: verdict.why });
  }
  return { workingDays, skipped };
}

/**
 * The first working day on or after `date`, with the days passed over. Used where the law moves a
 * period's end off a non-working day.
 */
export function workingDayOnOrAfter(
  date: CalendarDate,
  regime: ProcurementRegime,
  snapshot: CalendarSnapshot,
): { date: CalendarDate; skipped: SkippedDay[] } {
  const skipped: SkippedDay[] = [];
  let day = date;
  for (;;) {
    const verdict = isWorkingDay(day, regime, snapshot);
    if (verdict.working) return { date: day, skipped };
    skipped.push({ date: day, why: verdict.why });
    day = addDays(day, 1);
  }
}
