import { DateTime } from 'luxon';
import { londonTimeOfDay as londonTime } from '@app/contracts';

/** Every time on the pages is London time: the department and its panel work to it. */
export const LONDON = 'Europe/London';

function inLondon(at: string | Date): DateTime {
  const dt = typeof at === 'string' ? DateTime.fromISO(at, { setZone: false }) : DateTime.fromJSDate(at);
  if (!dt.isValid) throw new RangeError(`not a date-time: ${String(at)}`);
  return dt.setZone(LONDON);
}

// One wording for the pages and the e-mails: the pure formatter lives in libs/contracts.
export {
  londonTimeOfDay as londonTime,
  londonLongDate as londonDate,
  londonWhen as londonDateTime,
} from '@app/contracts';

/**
 * How far a due date is from now, counted in London calendar days: "due today", "due tomorrow",
 * "due in 3 days", "1 day overdue", "overdue since 5pm today".
 */
export function dueIn(dueAt: string, now: Date): string {
  const due = inLondon(dueAt);
  const today = inLondon(now);
  const days = Math.round(due.startOf('day').diff(today.startOf('day'), 'days').days);
  if (due.toMillis() <= today.toMillis()) {
    if (days === 0) return `overdue since ${londonTime(dueAt)} today`;
    return -days === 1 ? '1 day overdue' : `${-days} days overdue`;
  }
  if (days === 0) return 'due today';
  if (days === 1) return 'due tomorrow';
  return `due in ${days} days`;
}

/** A date and time typed into a form, as an instant with its offset; null when there is no such moment. */
export function fromLondon(parts: {
  day: number;
  month: number;
  year: number;
  hour: number;
  minute: number;
}): string | null {
  const dt = DateTime.fromObject(parts, { zone: LONDON });
  // Luxon moves a clock time that does not exist (the spring-forward hour) instead of refusing it.
  if (!dt.isValid || dt.hour !== parts.hour || dt.day !== parts.day) return null;
  return dt.toISO({ suppressMilliseconds: true });
}

/** Parses a time of day as people type it: "5pm", "5:30pm", "10.30am", "17:00", "midday", "midnight". */
export function parseTimeOfDay(text: string): { hour: number; minute: number } | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, '');
  if (t === 'midday' || t === 'noon') return { hour: 12, minute: 0 };
  if (t === 'midnight') return { hour: 0, minute: 0 };
  const m = /^(\d{1,2})(?:[:.](\d{2}))?(am|pm)?$/.exec(t);
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  if (minute > 59) return null;
  if (m[3]) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (m[3] === 'pm' ? 12 : 0);
  } else if (m[2] === undefined || hour > 23) {
    // A bare "5" is ambiguous (5am or 5pm?); a 24-hour time needs its minutes: "17:00".
    return null;
  }
  return { hour, minute };
}
