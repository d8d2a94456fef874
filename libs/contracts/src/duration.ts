const ISO_DURATION =
  /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Milliseconds in an ISO 8601 duration of weeks, days, hours, minutes and seconds (`P14D`,
 * `PT40S`, `P1DT12H`). Years and months are refused: their length depends on the calendar, and a
 * reminder offset must mean the same span wherever it is applied.
 */
export function parseDuration(text: string): number {
  const m = ISO_DURATION.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) {
    throw new RangeError(`not an ISO 8601 duration of weeks, days, hours, minutes or seconds: ${text}`);
  }
  const [, w, d, h, min, s] = m.map((part) => (part === undefined ? 0 : Number(part)));
  return Math.round(w * 7 * DAY + d * DAY + h * HOUR + min * MINUTE + s * SECOND);
}

/** True for a duration longer than zero: a zero offset or interval would fire without end. */
export function isDuration(text: string): boolean {
  try {
    return parseDuration(text) > 0;
  } catch {
    return false;
  }
}

const YEAR_MS = 366 * DAY;

/** A reminder offset: more than nothing, at most a year before the due date. */
export function isReminderOffset(text: string): boolean {
  return isDuration(text) && parseDuration(text) <= YEAR_MS;
}

/** An escalation interval: at least a second (so it cannot fire on every task), at most a year. */
export function isEscalationInterval(text: string): boolean {
  return isDuration(text) && parseDuration(text) >= SECOND && parseDuration(text) <= YEAR_MS;
}
