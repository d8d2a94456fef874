import fc from 'fast-check';

/**
 * fast-check arbitraries built from the served OpenAPI document: values that follow a schema, and
 * values an attacker or a careless client would send instead.
 */

export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  oneOf?: Schema[];
  allOf?: Schema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  security?: unknown[];
}

/** Text no store should take: every class of character the hardening issue names. */
export const NASTY_STRINGS: readonly string[] = [
  '\ud800',
  'a\udfffb',
  '\udc00\ud800',
  '\u0000',
  'NUL\u0000inside',
  '\u001b[31mred',
  '\u0085next line',
  '\u007f',
  'right\u202eto-left',
  '\u2066isolate\u2069',
  'zero\u200bwidth',
  '\u200b',
  '\ufeff',
  '   ',
  '',
  '\r\n',
  'line\nbreak',
  'e\u0301\u0301\u0301',
  '👩‍👩‍👧‍👦',
  '__proto__',
  'constructor',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00',
  'A'.repeat(129),
  'x'.repeat(5_000),
  '📈'.repeat(3_000),
  'y'.repeat(120_000),
  '2028-02-30T12:00:00Z',
  '2027-09-30T24:00:00Z',
  '1',
  'P0D',
  'PT0.001S',
  'P99999999999D',
];

export const NASTY_NUMBERS: readonly unknown[] = [
  0,
  -1,
  1.5,
  -0,
  2 ** 31,
  -(2 ** 31) - 1,
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  -1e308,
  5e-324,
];

/** A value `depth` levels deep, built without recursion. */
export function deeplyNested(depth: number, asObject: boolean): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = asObject ? { a: v } : [v];
  return v;
}

const withReservedKey = (key: string) => JSON.parse(`{"${key}":{"polluted":true},"x":1}`) as object;

/** Anything but what a schema asks for: wrong types, unstorable text, boundary numbers, deep nesting. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY_NUMBERS) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [[]], [null], { a: {} }, '[]'),
  },
  { weight: 1, arbitrary: fc.integer({ min: 5, max: 60 }).map((d) => deeplyNested(d, d % 2 === 0)) },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype').map(withReservedKey) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
);

export interface Hints {
  /** Values for a property by its name, where the schema alone says too little. */
  byName: Record<string, fc.Arbitrary<unknown>>;
}

export function resolve(doc: OpenApiDocument, schema: Schema): Schema {
  let s = schema;
  while (s.$ref) s = doc.components.schemas[s.$ref.replace('#/components/schemas/', '')];
  return s;
}

/** Values that follow `schema` (and, where the name gives a hint, make sense to the domain). */
export function valid(doc: OpenApiDocument, schema: Schema, hints: Hints, name = ''): fc.Arbitrary<unknown> {
  if (name && hints.byName[name]) return hints.byName[name];
  const s = resolve(doc, schema);
  if (s.oneOf) return fc.oneof(...s.oneOf.map((o) => valid(doc, o, hints)));
  if (s.allOf) return valid(doc, Object.assign({}, ...s.allOf.map((o) => resolve(doc, o))), hints, name);
  if (s.enum) return fc.constantFrom(...s.enum);
  switch (s.type) {
    case 'string':
      if (s.format === 'date-time') {
        return fc
          .integer({ min: 3_600_000, max: 700 * 86_400_000 })
          .map((ms) => new Date(Date.now() + ms).toISOString());
      }
      return fc.lorem({ maxCount: 4 }).map((t) => t.slice(0, s.maxLength ?? 200) || 'x');
    case 'integer':
    case 'number':
      return fc.integer({ min: s.minimum ?? 0, max: Math.min(s.maximum ?? 10, (s.minimum ?? 0) + 10) });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(valid(doc, s.items ?? {}, hints), {
        minLength: s.minItems ?? 0,
        maxLength: Math.min(s.maxItems ?? 3, 3),
      });
    default: {
      const props = s.properties ?? {};
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, p] of Object.entries(props)) model[key] = valid(doc, p, hints, key);
      return fc.record(model, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
    }
  }
}

/** Every path from the root of a value to a place a value can be put: `['panel', 0, 'userId']`. */
export function placesIn(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []) {
  if (path.length > 0) out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => placesIn(v, [...path, i], out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) placesIn(v, [...path, k], out);
  }
  return out;
}

/** A copy of `value` with the thing at `path` replaced (or, when `path` is new, added). */
export function replaced(value: unknown, path: (string | number)[], by: unknown): unknown {
  if (path.length === 0) return by;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  // Defined, not assigned: a key named __proto__ must stay a key.
  Object.defineProperty(copy, head, {
    value: replaced(copy[head], rest, by),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}

/** Percent-encodes every byte of the UTF-8 form (a lone surrogate becomes U+FFFD, as on the wire). */
export function encodeAll(text: string): string {
  return Array.from(Buffer.from(text, 'utf8'))
    .map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`)
    .join('');
}
