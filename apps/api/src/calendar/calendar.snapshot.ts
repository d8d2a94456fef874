import { CalendarOverridesError, loadCalendarSnapshot } from '@app/calendar';
import type { AppConfig } from '@app/config';
import type { CalendarSnapshot } from '@app/contracts';

/** The injection token of the process's calendar snapshot. */
export const CALENDAR_SNAPSHOT = Symbol('CALENDAR_SNAPSHOT');

/**
 * Loads the calendar once, at start-up, so a broken override file stops the process with a
 * message naming the variable rather than failing the first request.
 */
export function loadCalendarFor(config: AppConfig): CalendarSnapshot {
  try {
    return loadCalendarSnapshot({ overridesFile: config.calendar.overridesFile });
  } catch (err) {
    if (err instanceof CalendarOverridesError) throw new Error(`CALENDAR_OVERRIDES_FILE: ${err.message}`);
    throw err;
  }
}
