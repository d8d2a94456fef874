/**
 * The one definition of text the system accepts, stores and shows. A string that passes here can
 * be written to PostgreSQL (`text`, `jsonb`) and rendered in the audit history without surprises;
 * one that does not is refused with the reason. The API applies it at the edge (bodies, queries,
 * paths, token claims) and the workflow's Update validators apply it again, so the workflow never
 * accepts what its projection could not store. Pure: no imports, safe in workflow code.
 */

/** Longest accepted value of each kind of field, in characters (Unicode code points, after NFC). */
export const TEXT_LIMITS = {
  /** User ids (token `sub`, panel, officers, observers) and programme ids: see ID_GRAMMAR. */
  id: 128,
  title: 200,
  /** A person's or an organisation's name. */
  name: 200,
  /** RFC 5321 §4.5.3.1.3: a forward path holds at most 256 octets including the angle brackets. */
  email: 254,
  /** Words to search for in a list query. */
  search: 200,
  reason: 2_000,
  comment: 5_000,
  description: 10_000,
  /** A supplier's clarification question, and an officer's answer to it. */
  question: 10_000,
  answer: 20_000,
  markdown: 100_000,
} as const;

export type TextKind = keyof typeof TEXT_LIMITS;

/** Kinds that hold paragraphs: newline and tab allowed, CRLF and CR stored as LF. */
// eslint-disable-next-line no-restricted-syntax -- read only
const MULTILINE: ReadonlySet<TextKind> = new Set<TextKind>([
  'reason',
  'comment',
  'description',
  'question',
  'answer',
  'markdown',
]);

/**
 * Ids are compared as written, so one person cannot appear twice by case or by an invisible
 * character: an id is stored lower-cased and may hold only these characters (`auth0|…` and e-mail
 * shaped subjects from identity providers fit). Ids that differ only by case are the same id.
 */
export const ID_GRAMMAR = /^[a-z0-9][a-z0-9._@:|+-]*$/;
export const ID_GRAMMAR_TEXT = 'a–z, 0–9 and . _ @ : | + - (starting with a letter or digit)';

// In a `u` regex a well-formed surrogate pair is one code point, so \p{Cs} matches only halves
// without their partner, which no UTF-8 encoder (PostgreSQL's included) can write.
const LONE_SURROGATE = /\p{Cs}/u;
// C0 controls but tab, newline and carriage return, DEL and the C1 block. NUL is among them:
// PostgreSQL cannot store it in `text` or `jsonb` at all.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// A one-line field also refuses what breaks a line: tab, newline, CR and the Unicode separators.
const LINE_BREAK = /[\t\n\r\u2028\u2029]/;
// Bidirectional embeddings, overrides and isolates reorder what a reader sees (CVE-2021-42574,
// "Trojan Source"): an audit history must show what was written.
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
// Nothing visible: white space and format characters (zero-width space, joiners, BOM…) only.
const BLANK = /^[\s\p{Cf}]*$/u;

function codePointLabel(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Why a string can never be stored or shown faithfully, whatever its field: an unpaired surrogate,
 * a control character (but tab, newline and carriage return, which multi-line fields keep), or a
 * bidirectional control. Null when there is none. Used on every string of every request.
 */
export function unstorableCharacter(value: string): string | null {
  const surrogate = LONE_SURROGATE.exec(value);
  if (surrogate) return `contains an unpaired UTF-16 surrogate (${codePointLabel(surrogate[0])})`;
  const control = CONTROL.exec(value);
  if (control) return `contains the control character ${codePointLabel(control[0])}`;
  const bidi = BIDI_CONTROL.exec(value);
  if (bidi) return `contains the bidirectional control ${codePointLabel(bidi[0])}`;
  return null;
}

function normaliseLineEnds(value: string, kind: TextKind): string {
  return MULTILINE.has(kind) ? value.replace(/\r\n?/g, '\n') : value;
}

function trimFor(value: string, kind: TextKind): string {
  // Leading indentation is meaning in markdown (a code block); only blank lines before it go.
  if (kind === 'markdown') return value.replace(/^(?:[ \t]*\n)+/, '').trimEnd();
  return value.trim();
}

function normalised(value: string, kind: TextKind): string {
  const text = trimFor(normaliseLineEnds(value, kind).normalize('NFC'), kind);
  return kind === 'id' ? text.toLowerCase() : text;
}

/** Nothing a reader could see: empty, white space, or invisible format characters only. */
export function isBlankText(value: string): boolean {
  return BLANK.test(value);
}

/** Number of characters as a reader counts them (code points), not UTF-16 units. */
export function characterCount(value: string): number {
  const pairs = value.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g);
  return value.length - (pairs?.length ?? 0);
}

/**
 * Why `value` cannot be stored as a field of this kind, or null when it can (after
 * `toStorableText` has normalised it). Blank values are refused: a field that is optional is left
 * out, not sent empty.
 */
export function storableTextProblem(value: unknown, kind: TextKind): string | null {
  if (typeof value !== 'string') return 'must be text';
  const unstorable = unstorableCharacter(value);
  if (unstorable) return unstorable;
  const text = normalised(value, kind);
  const lineBreak = MULTILINE.has(kind) ? null : LINE_BREAK.exec(text);
  if (lineBreak) return `must be one line (contains ${codePointLabel(lineBreak[0])})`;
  if (isBlankText(text)) return 'must not be blank';
  const limit = TEXT_LIMITS[kind];
  // Cheap bound first: a string longer in UTF-16 units than twice the limit is over it anyway.
  if (text.length > 2 * limit || characterCount(text) > limit) {
    return `must be at most ${limit} characters`;
  }
  if (kind === 'id' && !ID_GRAMMAR.test(text)) return `must be made of ${ID_GRAMMAR_TEXT}`;
  return null;
}

/** The stored form: line ends as LF, NFC, trimmed, ids lower-cased. Throws on text that cannot be stored. */
export function toStorableText(value: string, kind: TextKind): string {
  const problem = storableTextProblem(value, kind);
  if (problem !== null) throw new RangeError(`${kind} ${problem}`);
  return normalised(value, kind);
}

/** True when two ids name the same person once normalised (case, Unicode form, spaces around). */
export function sameId(a: string, b: string): boolean {
  return normalised(a, 'id') === normalised(b, 'id');
}
