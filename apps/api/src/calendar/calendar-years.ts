import { parseInstant, uncoveredDateProblem, type CalendarSnapshot } from '@app/contracts';
import { ProblemException } from '../problem/problem.exception';

/**
 * Refuses a due date (already a valid RFC 3339 instant) whose London day is outside the calendar's
 * years, with a 400 naming the field: periods, reminders and timetable checks count working days.
 */
export function refuseDateBeyondCalendar(
  calendar: CalendarSnapshot,
  iso: string,
  field: string,
  detail: string,
): void {
  const uncovered = uncoveredDateProblem(calendar, parseInstant(iso)!);
  if (uncovered) throw ProblemException.badRequest(detail, [{ field, message: uncovered }]);
}
