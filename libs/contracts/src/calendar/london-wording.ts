import { formatLongDate } from './calendar-date';
import { parseInstant } from '../instant';
import { londonOffsetMinutes } from './london-time';

/**
 * London date-times as people write them (GOV.UK style guide, "Times" and "Dates"): "5pm",
 * "10:30am", "midday", "midnight"; "Friday 15 January 2027". Pure, so the e-mails (activities) and
 * the web pages (apps) say a time the same way without either importing the other.
 */

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The London wall clock at an instant, as a UTC Date whose fields read as London's. */
function wallClock(at: string | Date): Date {
  const ms = typeof at === 'string' ? parseInstant(at) : at.getTime();
  if (ms === null || Number.isNaN(ms)) throw new RangeError(`not a date-time: ${String(at)}`);
  return new Date(ms + londonOffsetMinutes(ms) * 60_000);
}

/** "5pm", "10:30am", "midday", "midnight" (seconds are dropped: nobody writes them). */
export function londonTimeOfDay(at: string | Date): string {
  const wall = wallClock(at);
  const hour24 = wall.getUTCHours();
  const minute = wall.getUTCMinutes();
  if (hour24 === 12 && minute === 0) return 'midday';
  if (hour24 === 0 && minute === 0) return 'midnight';
  const hour = hour24 % 12 === 0 ? 12 : hour24 % 12;
  const minutes = minute === 0 ? '' : `:${String(minute).padStart(2, '0')}`;
  return `${hour}${minutes}${hour24 < 12 ? 'am' : 'pm'}`;
}

/** "Friday 15 January 2027". */
export function londonLongDate(at: string | Date): string {
  const wall = wallClock(at);
  return `${WEEKDAYS[wall.getUTCDay()]} ${formatLongDate(wall.toISOString().slice(0, 10))}`;
}

/** "5pm, Friday 15 January 2027". */
export function londonWhen(at: string | Date): string {
  return `${londonTimeOfDay(at)}, ${londonLongDate(at)}`;
}
