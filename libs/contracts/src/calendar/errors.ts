/**
 * Input the calendar cannot answer for: a malformed date, a range too long, a day outside the
 * years the holiday data covers, a voluntary standstill where the law fixes one. `field` names
 * the input at fault so the API can answer 400 with it.
 */
export class CalendarInputError extends RangeError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'CalendarInputError';
  }
}
