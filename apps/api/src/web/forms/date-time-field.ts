import { fromLondon, parseTimeOfDay } from '../time/london-time';
import type { FieldError } from './form-errors';

export interface EnteredDateTime {
  day: string;
  month: string;
  year: string;
  time: string;
}

const PARTS = ['day', 'month', 'year'] as const;

function field(body: Record<string, unknown>, name: string): string {
  const v = body[name];
  return typeof v === 'string' ? v.trim() : '';
}

/**
 * A date (day, month, year) and a time of day typed into a form, read as London time, with the
 * GOV.UK date input's error messages. `what` ends "Enter the date …": "the panel must decide by".
 */
export function readDateTime(
  body: Record<string, unknown>,
  name: string,
  what: string,
  now: Date,
): { entered: EnteredDateTime; value: string | null; errors: FieldError[] } {
  const entered = {
    day: field(body, `${name}-day`),
    month: field(body, `${name}-month`),
    year: field(body, `${name}-year`),
    time: field(body, `${name}-time`),
  };
  const fail = (text: string, anchor = `${name}-day`) => ({
    entered,
    value: null,
    // A time error belongs to the time field; every other error to the date.
    errors: [{ field: anchor === `${name}-time` ? anchor : name, anchor, text }],
  });
  const missing = PARTS.filter((p) => entered[p] === '');
  if (missing.length === 3) return fail(`Enter the date ${what}`);
  if (missing.length > 0)
    return fail(`The date must include a ${missing.join(' and ')}`, `${name}-${missing[0]}`);
  if (!PARTS.every((p) => /^\d+$/.test(entered[p])) || entered.year.length !== 4) {
    return fail('The date must be a real date');
  }
  const time = parseTimeOfDay(entered.time || '5pm');
  if (!time) return fail('Enter a time like 5pm or 10:30am', `${name}-time`);
  const value = fromLondon({
    day: Number(entered.day),
    month: Number(entered.month),
    year: Number(entered.year),
    ...time,
  });
  if (!value) return fail('The date must be a real date');
  if (Date.parse(value) <= now.getTime()) return fail('The date and time must be in the future');
  return { entered, value, errors: [] };
}
