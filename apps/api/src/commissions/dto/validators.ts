import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isEscalationInterval, isEvaluationPeriod, isReminderOffset, parseDuration } from '@app/contracts';
import { Instant } from '../../input/fields';
import { predicateDecorator } from '../../input/predicate';

/** An RFC 3339 date-time that names its offset; see `Instant`. */
export const IsDateTimeWithOffset = Instant;

/** Commission ids are UUIDs in their canonical lower-case spelling, as the service issues them. */
export const COMMISSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const IsCommissionId = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isCommissionId',
      validator: { validate: (v: unknown) => typeof v === 'string' && COMMISSION_ID.test(v) },
    },
    { message: '$property must be a commission id (a lower-case UUID)', ...options },
  );

const durationDecorator = (name: string, test: (v: string) => boolean, message: string) =>
  predicateDecorator(name, (v) => typeof v === 'string' && test(v), message);

export const IsReminderOffset = durationDecorator(
  'isReminderOffset',
  isReminderOffset,
  '$property must be ISO 8601 durations such as P7D or PT30S, longer than zero and at most a year',
);

/** A supplier's delivery time: whole days or weeks, at least a day, at most three years. */
export const IsDeliveryTime = durationDecorator(
  'isDeliveryTime',
  (v) =>
    /^P(\d+W|\d+D)$/.test(v) && parseDuration(v) >= 86_400_000 && parseDuration(v) <= 3 * 366 * 86_400_000,
  '$property must be an ISO 8601 duration of whole days or weeks such as P8W or P60D, at most three years',
);

export const IsEscalationInterval = durationDecorator(
  'isEscalationInterval',
  isEscalationInterval,
  '$property must be an ISO 8601 duration such as P7D, between one second and a year',
);

export const IsEvaluationPeriod = durationDecorator(
  'isEvaluationPeriod',
  isEvaluationPeriod,
  '$property must be an ISO 8601 duration such as P10D, between one second and a year',
);
