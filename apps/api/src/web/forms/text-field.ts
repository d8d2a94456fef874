import type { Parsed } from './command-forms';

/** The GOV.UK error message for text over its limit. */
export const tooLong = (what: string, max: number) =>
  `${what} must be ${max.toLocaleString('en-GB')} characters or fewer`;

/**
 * One required free-text field (a question, an answer, a reason), trimmed, with the messages the
 * GOV.UK pattern asks for: "Enter …" when empty, "… must be N characters or fewer" when too long.
 */
export function readTextField(
  body: Record<string, unknown>,
  field: string,
  words: { missing: string; what: string; max: number },
  anchor = field,
): Parsed<string, string> {
  const raw = body[field];
  const value = typeof raw === 'string' ? raw.replace(/\r\n/g, '\n').trim() : '';
  if (!value) return { value: null, entered: value, errors: [{ field, anchor, text: words.missing }] };
  if (value.length > words.max) {
    return { value: null, entered: value, errors: [{ field, anchor, text: tooLong(words.what, words.max) }] };
  }
  return { value, entered: value, errors: [] };
}
