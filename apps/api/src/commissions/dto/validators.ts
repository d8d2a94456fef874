import { registerDecorator, ValidationOptions } from 'class-validator';
import { isEscalationInterval, isReminderOffset } from '@app/contracts';

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

function durationDecorator(name: string, test: (v: string) => boolean, message: string) {
  return (options?: ValidationOptions): PropertyDecorator =>
    (target, propertyName) =>
      registerDecorator({
        name,
        target: target.constructor,
        propertyName: propertyName as string,
        options: { message, ...options },
        validator: { validate: (v: unknown) => typeof v === 'string' && test(v) },
      });
}

export const IsReminderOffset = durationDecorator(
  'isReminderOffset',
  isReminderOffset,
  '$property must be ISO 8601 durations such as P7D or PT30S, longer than zero and at most a year',
);

export const IsEscalationInterval = durationDecorator(
  'isEscalationInterval',
  isEscalationInterval,
  '$property must be an ISO 8601 duration such as P7D, between one second and a year',
);
