import { isCalendarDate, isDuration, parseInstant } from '@app/contracts';
import { predicateDecorator as decorator } from '../../input/predicate';

function isInstant(v: unknown): boolean {
  return typeof v === 'string' && parseInstant(v) !== null;
}

/** A London calendar day, `YYYY-MM-DD`, that exists. */
export const IsCalendarDay = decorator(
  'isCalendarDay',
  isCalendarDate,
  '$property must be a date as YYYY-MM-DD, e.g. 2026-11-30',
);

/** An ISO 8601 date-time that names its offset, so no one has to guess the time zone. */
export const IsInstant = decorator(
  'isInstant',
  isInstant,
  '$property must be an ISO 8601 date-time with an offset, e.g. 2026-11-26T10:00:00+00:00',
);

export const IsIsoDuration = decorator(
  'isIsoDuration',
  (v) => typeof v === 'string' && isDuration(v),
  '$property must be an ISO 8601 duration longer than zero, e.g. PT30S or P5D',
);

/** Query strings carry text: "true"/"false" become booleans, anything else stays to be refused. */
export const booleanFromQuery = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;
