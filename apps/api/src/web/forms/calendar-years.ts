import { uncoveredDateProblem, type CalendarSnapshot } from '@app/contracts';
import type { FieldError } from './form-errors';

/** A form's date outside the calendar's years, as the GOV.UK error on its first (day) input. */
export function dateBeyondCalendarError(
  calendar: CalendarSnapshot,
  iso: string,
  field: string,
): FieldError | null {
  if (!uncoveredDateProblem(calendar, Date.parse(iso))) return null;
  const { first, last } = calendar.years;
  return {
    field,
    anchor: `${field}-day`,
    text: `Enter a date from ${first} to ${last}, the years the bank-holiday calendar covers`,
  };
}
