/**
 * The one parser of date-times the system accepts: RFC 3339 (the ISO 8601 profile the API
 * documents), with an explicit offset so no one guesses a time zone. Unlike `Date.parse`, which
 * rolls `2028-02-30` over to 1 March and reads `T24:00` as the next midnight, an impossible date or
 * time is refused. Pure: safe in workflow code.
 */
const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

const EARLIEST = Date.UTC(1000, 0, 1);
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

/** Milliseconds since the epoch, or null when `text` is not a real instant written with its offset. */
export function parseInstant(text: string): number | null {
  const m = INSTANT.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1, 6).map(Number);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millis = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  // Years before 1000 only come from typing mistakes here, and Date.UTC maps 0–99 to 1900–1999.
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  // RFC 3339 §5.7: hours 00–23 (no 24:00) and no leap second, which JavaScript time cannot hold.
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offsetMinutes = 0;
  if (m[8] !== undefined) {
    const [oh, om] = [Number(m[9]), Number(m[10])];
    if (oh > 23 || om > 59) return null;
    offsetMinutes = (m[8] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const ms = Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
  // An offset can push 9999-12-31 into year 10000, which neither ISO text nor PostgreSQL reads back.
  return ms >= EARLIEST && ms <= LATEST ? ms : null;
}

export function isInstant(text: unknown): text is string {
  return typeof text === 'string' && parseInstant(text) !== null;
}

/** The canonical form stored and shown: UTC with milliseconds (`2027-09-30T16:00:00.000Z`). */
export function toInstantText(text: string): string {
  const ms = parseInstant(text);
  if (ms === null) throw new RangeError(`not an RFC 3339 date-time with an offset: ${text}`);
  return new Date(ms).toISOString();
}
