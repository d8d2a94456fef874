export { HOLIDAY_LIBRARY, libraryHolidays } from './holiday-library';
export {
  applyOverrides,
  CalendarOverridesError,
  parseOverrides,
  readOverrides,
  SHIPPED_OVERRIDES_ORIGIN,
  type HolidayOverride,
  type HolidayOverrides,
} from './overrides';
export {
  buildCalendarSnapshot,
  calendarVersion,
  DEFAULT_CALENDAR_YEARS,
  loadCalendarSnapshot,
} from './snapshot';
export { deadlineCalendar, deadlineTitle, deadlineUid, type DeadlineEvent } from './deadline-events';
