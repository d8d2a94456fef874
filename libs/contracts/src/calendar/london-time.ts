import {
  addDays,
  dayNumber,
  formatLongDate,
  fromDayNumber,
  isCalendarDate,
  type CalendarDate,
} from './calendar-date';
import { parseInstant } from '../instant';
import { CalendarInputError } from './errors';

/**
 * London time without Intl (workflow code must not depend on the host's time-zone data).
 *
 * British Summer Time runs from 01:00 GMT on the last Sunday in March to 01:00 GMT on the last
 * Sunday in October: Summer Time Act 1972 s.1 as amended by the Summer Time Order 2002
 * (SI 2002/262). The rule has been the same since 1996, so this is exact from then on.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The last Sunday of a month (1–12). */
export function lastSundayOf(year: number, month: number): CalendarDate {
  return fromDayNumber(lastSundayDay(year, month));
}

function lastSundayDay(year: number, month: number): number {
  const last = Date.UTC(year, month, 0) / DAY_MS;
  return last - new Date(last * DAY_MS).getUTCDay();
}

/** When the clocks go forward in `year` (an instant, ms since the epoch). */
export function summerTimeStarts(year: number): number {
  return summerTimeOf(year)[0];
}

/** When the clocks go back in `year`. */
export function summerTimeEnds(year: number): number {
  return summerTimeOf(year)[1];
}

// Every London date and time asks for its year's summer time: the timetable check asks thousands
// of times a change, so each year's two instants are worked out once (a pure function of the year).
// eslint-disable-next-line no-restricted-syntax -- a memo of a pure function, the same for every workflow
const summerTimes = new Map<number, readonly [number, number]>();

function summerTimeOf(year: number): readonly [number, number] {
  let known = summerTimes.get(year);
  if (!known) {
    known = [lastSundayDay(year, 3) * DAY_MS + HOUR_MS, lastSundayDay(year, 10) * DAY_MS + HOUR_MS];
    summerTimes.set(year, known);
  }
  return known;
}

/** London's offset from UTC at an instant: 60 in summer time, otherwise 0. */
export function londonOffsetMinutes(instantMs: number): 0 | 60 {
  const [starts, ends] = summerTimeOf(new Date(instantMs).getUTCFullYear());
  return instantMs >= starts && instantMs < ends ? 60 : 0;
}

/** Milliseconds since the epoch for an ISO 8601 date-time that names its offset (strict: see instant.ts). */
export function instantOf(iso: string, field = 'time'): number {
  const ms = typeof iso === 'string' ? parseInstant(iso) : null;
  if (ms === null) {
    throw new CalendarInputError(
      field,
      `${field} must be an ISO 8601 date-time with an offset, e.g. 2026-09-30T17:00:00+01:00`,
    );
  }
  return ms;
}

/** The London calendar day an instant falls on. */
export function londonDateOf(instant: number | string, field?: string): CalendarDate {
  const ms = typeof instant === 'number' ? instant : instantOf(instant, field);
  return new Date(ms + londonOffsetMinutes(ms) * 60_000).toISOString().slice(0, 10);
}

/**
 * The instant of a London wall-clock time. In the autumn hour that happens twice the first (summer
 * time) is meant; a spring time that never happens (01:00–01:59 on the day the clocks go forward)
 * is read as GMT, i.e. an hour later on the clock.
 */
export function londonInstant(date: CalendarDate, time = '00:00'): number {
  if (!isCalendarDate(date)) throw new CalendarInputError('date', `not a date: ${date}`);
  const m = TIME.exec(time);
  if (!m) throw new CalendarInputError('time', `not a time of day: ${time}`);
  const wall =
    dayNumber(date) * DAY_MS + Number(m[1]) * HOUR_MS + Number(m[2]) * 60_000 + Number(m[3] ?? 0) * 1000;
  const asSummer = wall - HOUR_MS;
  return londonOffsetMinutes(asSummer) === 60 ? asSummer : wall;
}

/** Midnight at the start of a London day. */
export function startOfLondonDay(date: CalendarDate): number {
  return londonInstant(date, '00:00');
}

/** Midnight at the end of a London day (the start of the next): what the law calls "the end of". */
export function endOfLondonDay(date: CalendarDate): number {
  return startOfLondonDay(addDays(date, 1));
}

/** An instant as ISO 8601 in London's offset, e.g. 2027-06-10T00:00:00+01:00. */
export function formatLondon(instantMs: number): string {
  const offset = londonOffsetMinutes(instantMs);
  const local = new Date(instantMs + offset * 60_000).toISOString();
  const millis = local.slice(19, 23) === '.000' ? '' : local.slice(19, 23);
  return `${local.slice(0, 19)}${millis}${offset === 60 ? '+01:00' : '+00:00'}`;
}

/** "midnight at the end of 9 June 2027 (London)", for reasons a person reads. */
export function describeEndOfDay(date: CalendarDate): string {
  return `midnight at the end of ${formatLongDate(date)} (London time)`;
}
