import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { isCalendarDate, UK_DIVISIONS, yearOf, type Holiday } from '@app/contracts';
import shipped from '../data/uk-bank-holiday-overrides.json';

const calendarDate = z.string().refine(isCalendarDate, 'must be a date as YYYY-MM-DD');

const entrySchema = z
  .object({
    action: z.enum(['add', 'remove']),
    date: calendarDate,
    divisions: z.array(z.enum(UK_DIVISIONS)).min(1),
    title: z.string().min(1),
    /** Where the change comes from: a proclamation, GOV.UK's list. */
    source: z.string().min(1),
    /** The day someone checked the entry against its source. */
    noted: calendarDate,
  })
  .strict();

const fileSchema = z.object({ $comment: z.string().optional(), entries: z.array(entrySchema) }).strict();

export type HolidayOverride = z.infer<typeof entrySchema>;
export interface HolidayOverrides {
  /** A name for people: the file it came from. */
  origin: string;
  entries: HolidayOverride[];
}

export class CalendarOverridesError extends Error {
  constructor(origin: string, problems: string[]) {
    super(
      `the calendar override file ${origin} is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'CalendarOverridesError';
  }
}

export const SHIPPED_OVERRIDES_ORIGIN = 'libs/calendar/data/uk-bank-holiday-overrides.json';

export function parseOverrides(content: unknown, origin: string): HolidayOverrides {
  const parsed = fileSchema.safeParse(content);
  if (!parsed.success) {
    throw new CalendarOverridesError(
      origin,
      parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`),
    );
  }
  return { origin, entries: parsed.data.entries };
}

/** The override file an operator named, or the one shipped with the product. */
export function readOverrides(file?: string): HolidayOverrides {
  if (!file) return parseOverrides(shipped, SHIPPED_OVERRIDES_ORIGIN);
  let content: unknown;
  try {
    content = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new CalendarOverridesError(file, [(err as Error).message]);
  }
  return parseOverrides(content, file);
}

/**
 * The library's holidays with the overrides applied, within the years asked. A removal that
 * matches nothing is harmless (the library may have caught up), so it is not an error.
 */
export function applyOverrides(
  holidays: Holiday[],
  overrides: HolidayOverrides,
  years: { first: number; last: number },
): Holiday[] {
  const byKey = new Map(holidays.map((h) => [`${h.date} ${h.division}`, h]));
  for (const entry of overrides.entries) {
    if (yearOf(entry.date) < years.first || yearOf(entry.date) > years.last) continue;
    for (const division of entry.divisions) {
      const key = `${entry.date} ${division}`;
      if (entry.action === 'remove') byKey.delete(key);
      else byKey.set(key, { date: entry.date, division, title: entry.title });
    }
  }
  return [...byKey.values()];
}
