import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { plainToInstance, Transform, type ClassConstructor } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  ValidateBy,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import {
  ID_GRAMMAR,
  TEXT_LIMITS,
  isBlankText,
  parseInstant,
  storableTextProblem,
  toInstantText,
  toStorableText,
  type TextKind,
} from '@app/contracts';

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A text field of one kind (see TEXT_LIMITS): refused with the reason when it cannot be stored,
 * otherwise stored normalised (NFC, trimmed, CRLF as LF, ids lower-cased). With `blankAsAbsent` an
 * optional field sent empty counts as left out.
 */
export function StorableText(kind: TextKind, options: { blankAsAbsent?: boolean } = {}): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      minLength: 1,
      maxLength: TEXT_LIMITS[kind],
      ...(kind === 'id' ? { pattern: ID_GRAMMAR.source } : {}),
    }),
    Transform(({ value }: { value: unknown }) => {
      if (typeof value !== 'string') return value;
      if (options.blankAsAbsent && isBlankText(value)) return undefined;
      return storableTextProblem(value, kind) === null ? toStorableText(value, kind) : value;
    }),
    ValidateBy({
      name: `storable-${kind}`,
      validator: {
        validate: (v: unknown) => storableTextProblem(v, kind) === null,
        defaultMessage: (args) => `${args?.property} ${storableTextProblem(args?.value, kind)}`,
      },
    }),
  );
}

/**
 * An RFC 3339 date-time with its offset (`2027-09-30T17:00:00+01:00`), checked by the one strict
 * parser (no `2028-02-30`, no `T24:00`) and passed on in UTC (`2027-09-30T16:00:00.000Z`).
 */
export function Instant(options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ format: 'date-time' }),
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' && parseInstant(value) !== null ? toInstantText(value) : value,
    ),
    ValidateBy(
      {
        name: 'instant',
        validator: { validate: (v: unknown) => typeof v === 'string' && parseInstant(v) !== null },
      },
      {
        message: '$property must be a real RFC 3339 date-time with an offset, e.g. 2027-09-30T17:00:00+01:00',
        ...options,
      },
    ),
  );
}

/** A whole number of pence written in pounds: `98500`, `98500.5`, `98500.25`. */
const POUNDS = /^\d{1,13}(\.\d{1,2})?$/;
const MOST_POUNDS = 1_000_000_000_000;

/**
 * An amount in GBP including VAT, at most two decimals and at most £1,000,000,000,000. Checked on
 * the number's own decimal text, so a value such as `5e-324` is refused as too precise rather than
 * tripping class-validator's `maxDecimalPlaces`, which cannot read exponent notation.
 */
export function Pounds(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ minimum: 0, maximum: MOST_POUNDS }),
    ValidateBy(
      {
        name: 'pounds',
        validator: {
          validate: (v: unknown) =>
            typeof v === 'number' &&
            Number.isFinite(v) &&
            v >= 0 &&
            v <= MOST_POUNDS &&
            POUNDS.test(String(v)),
        },
      },
      { message: `$property must be an amount in pounds from 0 to ${MOST_POUNDS} with at most two decimals` },
    ),
  );
}

const IsPlainObject = (what: string, options?: ValidationOptions) =>
  ValidateBy(
    { name: 'isPlainObject', validator: { validate: isPlainObject } },
    { message: `$property must be ${what}`, ...options },
  );

/**
 * A nested object, exactly: an array, a string or null is refused (not read as an object with no
 * fields), and `type` may pick the class from the object's own fields, for discriminated unions.
 */
export function NestedObject(
  type: (value: Record<string, unknown>) => ClassConstructor<object>,
  what = 'an object',
): PropertyDecorator {
  return applyDecorators(
    Transform(({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
      const value = obj[key];
      return isPlainObject(value) ? plainToInstance(type(value), value) : value;
    }),
    IsPlainObject(what),
    ValidateNested(),
  );
}

/** An array of nested objects of one class, with its length bounds; each element must be an object. */
export function NestedArray(
  type: () => ClassConstructor<object>,
  bounds: { min?: number; max: number },
): PropertyDecorator {
  return applyDecorators(
    Transform(({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
      const value = obj[key];
      return Array.isArray(value)
        ? value.map((e: unknown) => (isPlainObject(e) ? plainToInstance(type(), e) : e))
        : value;
    }),
    IsArray(),
    ...(bounds.min !== undefined ? [ArrayMinSize(bounds.min)] : []),
    ArrayMaxSize(bounds.max),
    IsPlainObject('an array of objects', { each: true }),
    ValidateNested({ each: true }),
  );
}
