import { registerDecorator, ValidationOptions } from 'class-validator';
import { isDuration } from '@app/contracts';

const DATE_TIME_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 date-time that names its offset, so no one has to guess the time zone. */
export function IsDateTimeWithOffset(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isDateTimeWithOffset',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: '$property must be an ISO 8601 date-time with an offset, e.g. 2026-09-30T17:00:00+01:00',
        ...options,
      },
      validator: {
        validate: (v: unknown) =>
          typeof v === 'string' && DATE_TIME_WITH_OFFSET.test(v) && !Number.isNaN(Date.parse(v)),
      },
    });
}

export function IsIsoDuration(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isIsoDuration',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be an ISO 8601 duration such as P7D or PT30S', ...options },
      validator: { validate: (v: unknown) => typeof v === 'string' && isDuration(v) },
    });
}
