/**
 * Bounds on the shape of a request, whatever the route. Every body this API takes nests three
 * levels at most (a commission, its panel, a member), so eight leaves room to grow while a body
 * can never nest deep enough to exhaust a recursive parser, validator or serialiser.
 */
export const REQUEST_LIMITS = {
  jsonDepth: 8,
  /** A bearer token longer than this is refused before it is decoded. */
  tokenLength: 8_192,
} as const;

/**
 * Keys that mean something to JavaScript objects themselves. A body carrying one would have it
 * dropped or, worse, honoured by a mapper that assigns it; so it is refused as an unknown field.
 */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
