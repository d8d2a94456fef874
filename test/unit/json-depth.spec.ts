import { jsonNestsDeeperThan } from '../../apps/api/src/input/json-depth';

const body = (text: string) => Buffer.from(text, 'utf8');

describe('JSON nesting depth, read from the raw bytes', () => {
  it('counts arrays and objects, not brackets inside strings', () => {
    expect(jsonNestsDeeperThan(body('{"a":[{"b":1}]}'), 3)).toBe(false);
    expect(jsonNestsDeeperThan(body('{"a":[{"b":[1]}]}'), 3)).toBe(true);
    expect(jsonNestsDeeperThan(body('{"a":"[[[[[[{{{{{"}'), 1)).toBe(false);
    expect(jsonNestsDeeperThan(body('{"a":"\\"[[[[["}'), 1)).toBe(false);
    expect(jsonNestsDeeperThan(body('{"a":"€[[[["}'), 1)).toBe(false);
  });

  it('bounds a body nested a million deep without recursion', () => {
    expect(jsonNestsDeeperThan(body('['.repeat(1_000_000) + ']'.repeat(1_000_000)), 8)).toBe(true);
  });
});
