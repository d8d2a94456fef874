import fc from 'fast-check';
import {
  TEXT_LIMITS,
  isBlankText,
  sameId,
  storableTextProblem,
  toStorableText,
  unstorableCharacter,
  type TextKind,
} from '@app/contracts';

const KINDS = Object.keys(TEXT_LIMITS) as TextKind[];

describe('storable text: one definition for bodies, queries, paths, token claims and the workflow', () => {
  it.each([
    ['an unpaired high surrogate', 'Study \ud800', 'contains an unpaired UTF-16 surrogate (U+D800)'],
    ['an unpaired low surrogate', '\udc00 study', 'contains an unpaired UTF-16 surrogate (U+DC00)'],
    ['a swapped pair', 'a\udc00\ud800b', 'contains an unpaired UTF-16 surrogate (U+DC00)'],
    ['NUL', 'Study\u0000', 'contains the control character U+0000'],
    ['escape', 'Study\u001b[31m', 'contains the control character U+001B'],
    ['DEL', 'Study\u007f', 'contains the control character U+007F'],
    ['a C1 control', 'Study\u0085', 'contains the control character U+0085'],
    ['a right-to-left override', 'Study \u202egnp.exe', 'contains the bidirectional control U+202E'],
    ['a left-to-right isolate', 'Study \u2066x\u2069', 'contains the bidirectional control U+2066'],
  ])('refuses %s in every kind of field', (_, text, problem) => {
    for (const kind of KINDS) expect(storableTextProblem(text, kind)).toBe(problem);
    expect(unstorableCharacter(text)).toBe(problem);
  });

  it('keeps a well-formed surrogate pair (an emoji) and joiners', () => {
    expect(storableTextProblem('Report 📈 done', 'title')).toBeNull();
    expect(storableTextProblem('👩‍👩‍👧 family', 'name')).toBeNull();
  });

  it('allows newline and tab only where paragraphs are written, and stores CRLF and CR as LF', () => {
    expect(storableTextProblem('a\nb', 'title')).toBe('must be one line (contains U+000A)');
    expect(storableTextProblem('a\tb', 'name')).toBe('must be one line (contains U+0009)');
    expect(storableTextProblem('a\u2028b', 'title')).toBe('must be one line (contains U+2028)');
    expect(toStorableText('# Scope\r\n\r\nText\rmore\tcell', 'markdown')).toBe('# Scope\n\nText\nmore\tcell');
    expect(toStorableText('first line\r\nsecond', 'reason')).toBe('first line\nsecond');
  });

  it('trims, except the indentation that starts a markdown code block', () => {
    expect(toStorableText('  A title \n', 'title')).toBe('A title');
    expect(toStorableText('\n\n    code\n\n', 'markdown')).toBe('    code');
  });

  it('stores NFC: the same word typed two ways is one string', () => {
    const decomposed = 'Trowler cafe\u0301';
    expect(toStorableText(decomposed, 'name')).toBe('Trowler caf\u00e9');
  });

  it.each(['', '   ', '\u200b', '\u200b\u200d \ufeff', '\n\t'])('refuses blank text %j', (text) => {
    for (const kind of ['title', 'reason', 'comment', 'markdown'] as const) {
      expect(storableTextProblem(text, kind)).toMatch(/must not be blank|must be one line/);
    }
    expect(isBlankText(text)).toBe(true);
  });

  it('counts characters as a reader does, after normalising, up to the limit of each kind', () => {
    for (const kind of ['title', 'name', 'reason', 'comment'] as const) {
      const limit = TEXT_LIMITS[kind];
      expect(storableTextProblem('x'.repeat(limit), kind)).toBeNull();
      expect(storableTextProblem('x'.repeat(limit + 1), kind)).toBe(`must be at most ${limit} characters`);
      // An astral character is two UTF-16 units but one character.
      expect(storableTextProblem('📈'.repeat(limit), kind)).toBeNull();
    }
  });

  describe('ids', () => {
    it('are stored lower-cased, so ids equal but for case are one id', () => {
      expect(toStorableText(' Alan.Wood ', 'id')).toBe('alan.wood');
      expect(sameId('Alan.Wood', 'alan.wood')).toBe(true);
      expect(toStorableText('auth0|5F7C8EC7', 'id')).toBe('auth0|5f7c8ec7');
    });

    it.each([
      ['alan\u200bwood', 'a zero-width space'],
      ['alan wood', 'a space'],
      ['ålan', 'a letter outside a–z'],
      ['.alan', 'a leading dot'],
      ['a/b', 'a slash'],
      ['x'.repeat(129), 'too long'],
    ])('refuses %j (%s)', (id) => {
      expect(storableTextProblem(id, 'id')).not.toBeNull();
    });
  });

  it('never accepts what PostgreSQL could not store, and normalising is idempotent (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.constantFrom(...KINDS), (s, kind) => {
        if (storableTextProblem(s, kind) !== null) return;
        const stored = toStorableText(s, kind);
        expect(stored.includes('\u0000')).toBe(false);
        expect(stored).not.toMatch(/\p{Cs}/u);
        expect(Buffer.from(stored, 'utf8').toString('utf8')).toBe(stored);
        expect(storableTextProblem(stored, kind)).toBeNull();
        expect(toStorableText(stored, kind)).toBe(stored);
      }),
      { numRuns: 2000 },
    );
  });
});
