import { addDays, type CalendarDate } from './calendar-date';

/**
 * Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" computus). Only
 * Good Friday needs it: PA2023 s.123 and PCR2015 reg 2(1) name Good Friday as a non-working day
 * in its own right, so it holds even if a holiday list were to leave it out.
 */
export function easterSunday(year: number): CalendarDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// Asked for each day a working-day count passes: worked out once a year (a pure function of it).
// eslint-disable-next-line no-restricted-syntax -- a memo of a pure function, the same for every workflow
const goodFridays = new Map<number, CalendarDate>();

export function goodFriday(year: number): CalendarDate {
  let known = goodFridays.get(year);
  if (!known) {
    known = addDays(easterSunday(year), -2);
    goodFridays.set(year, known);
  }
  return known;
}
