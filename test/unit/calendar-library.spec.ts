import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  buildCalendarSnapshot,
  CalendarOverridesError,
  libraryHolidays,
  loadCalendarSnapshot,
  readOverrides,
  SHIPPED_OVERRIDES_ORIGIN,
  type HolidayOverride,
} from '@app/calendar';
import { loadConfig } from '@app/config';
import { isWorkingDay } from '@app/contracts';
import { loadCalendarFor } from '../../apps/api/src/calendar/calendar.snapshot';

/** The holiday data: what the library gives, what the override file changes, and the version. */
const years = { first: 2025, last: 2027 };
const dir = mkdtempSync(path.join(tmpdir(), 'calendar-overrides-'));

function overrideFile(name: string, entries: Partial<HolidayOverride>[] | unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(Array.isArray(entries) ? { entries } : entries));
  return file;
}

const entry = (e: Partial<HolidayOverride>): Partial<HolidayOverride> => ({
  action: 'add',
  divisions: ['england-and-wales'],
  title: 'Test holiday',
  source: 'a test',
  noted: '2026-11-26',
  ...e,
});

describe('the holidays the date-holidays library gives', () => {
  const holidays = libraryHolidays({ first: 2026, last: 2026 });
  const on = (date: string) => holidays.filter((h) => h.date === date).map((h) => h.division);

  it('keeps the substitute weekday and leaves out the weekend day it replaces, as GOV.UK does', () => {
    // Boxing Day 2026 is a Saturday, kept on Monday 28 December in all three divisions.
    expect(on('2026-12-26')).toEqual([]);
    expect(on('2026-12-28')).toEqual(['england-and-wales', 'scotland', 'northern-ireland']);
    // 12 July 2026 is a Sunday, kept on Monday 13 July in Northern Ireland.
    expect(on('2026-07-12')).toEqual([]);
    expect(on('2026-07-13')).toEqual(['northern-ireland']);
  });

  it('holds no observances such as Mother’s Day, only bank and public holidays', () => {
    expect(holidays.some((h) => /mother|father|easter sunday/i.test(h.title))).toBe(false);
  });
});

describe('the override file', () => {
  it('ships with a source and a date for every entry', () => {
    const shipped = readOverrides();
    expect(shipped.origin).toBe(SHIPPED_OVERRIDES_ORIGIN);
    expect(shipped.entries.length).toBeGreaterThan(0);
    for (const e of shipped.entries) {
      expect(e.source.length).toBeGreaterThan(10);
      expect(e.noted).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('corrects only what the library gets wrong (fails once the library catches up: then drop the entry)', () => {
    const library = libraryHolidays({ first: 2010, last: 2030 });
    for (const e of readOverrides().entries) {
      for (const division of e.divisions) {
        const inLibrary = library.some((h) => h.date === e.date && h.division === division);
        expect({ ...e, division, inLibrary }).toEqual({ ...e, division, inLibrary: e.action === 'remove' });
      }
    }
  });

  it('adds and removes days per division, and the version changes with the content', () => {
    const base = buildCalendarSnapshot(readOverrides(overrideFile('none.json', [])), years);
    const file = overrideFile('changed.json', [
      entry({ date: '2027-06-07', divisions: ['northern-ireland'], title: 'A new one-off day' }),
      entry({
        action: 'remove',
        date: '2027-08-30',
        divisions: ['england-and-wales'],
        title: 'Summer bank holiday',
      }),
    ]);
    const changed = buildCalendarSnapshot(readOverrides(file), years);

    expect(isWorkingDay('2027-06-07', 'PA2023', base).working).toBe(true);
    expect(isWorkingDay('2027-06-07', 'PA2023', changed)).toEqual({
      working: false,
      why: 'A new one-off day, a bank holiday in Northern Ireland',
    });
    expect(isWorkingDay('2027-06-07', 'PCR2015', changed).working).toBe(true);
    expect(isWorkingDay('2027-08-30', 'PCR2015', base).working).toBe(false);
    expect(isWorkingDay('2027-08-30', 'PCR2015', changed).working).toBe(true);
    expect(changed.version).not.toBe(base.version);
    expect(changed.source).toContain(file);
  });

  it('gives the same version for the same content, wherever it was read from', () => {
    const a = buildCalendarSnapshot(
      readOverrides(overrideFile('a.json', [entry({ date: '2026-06-08' })])),
      years,
    );
    const b = buildCalendarSnapshot(
      readOverrides(overrideFile('b.json', [entry({ date: '2026-06-08' })])),
      years,
    );
    expect(a.version).toBe(b.version);
    expect(a.version).toMatch(/^sha256:[0-9a-f]{16}$/);
  });

  it('ignores a removal that matches nothing (the library may have caught up)', () => {
    const base = buildCalendarSnapshot(readOverrides(overrideFile('empty.json', [])), years);
    const stale = buildCalendarSnapshot(
      readOverrides(overrideFile('stale.json', [entry({ action: 'remove', date: '2026-06-09' })])),
      years,
    );
    expect(stale.version).toBe(base.version);
  });

  it.each([
    ['not JSON', '{ nope', /not valid/],
    ['a bad date', { entries: [entry({ date: '2026-02-30' })] }, /entries\.0\.date: must be a date/],
    [
      'an unknown division',
      { entries: [entry({ divisions: ['wales' as never] })] },
      /entries\.0\.divisions\.0/,
    ],
    ['no source', { entries: [{ ...entry({}), source: '' }] }, /entries\.0\.source/],
    ['an unknown field', { entries: [{ ...entry({}), colour: 'red' }] }, /Unrecognized key/],
  ])('refuses a file with %s, naming the problem', (_what, content, message) => {
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    expect(() => readOverrides(file)).toThrow(CalendarOverridesError);
    expect(() => readOverrides(file)).toThrow(message);
  });
});

describe('loading the calendar for the process', () => {
  afterEach(() => {
    delete process.env.CALENDAR_OVERRIDES_FILE;
  });

  it('builds once and shares the result', () => {
    expect(loadCalendarSnapshot({ years })).toBe(loadCalendarSnapshot({ years }));
  });

  it('reads the file CALENDAR_OVERRIDES_FILE names', () => {
    process.env.CALENDAR_OVERRIDES_FILE = overrideFile('env.json', [
      entry({ date: '2026-06-10', title: 'From the env' }),
    ]);
    const snapshot = loadCalendarSnapshot({ years });
    expect(snapshot.source).toContain('env.json');
    expect(isWorkingDay('2026-06-10', 'PCR2015', snapshot)).toEqual({
      working: false,
      why: 'From the env, a bank holiday in England and Wales',
    });
  });
});

describe('the API loads the calendar at start-up', () => {
  it('with the shipped overrides when CALENDAR_OVERRIDES_FILE is unset', () => {
    expect(loadCalendarFor(loadConfig({})).source).toContain(SHIPPED_OVERRIDES_ORIGIN);
  });

  it('stops with a message naming CALENDAR_OVERRIDES_FILE when the file is broken', () => {
    const file = path.join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify({ entries: [{ action: 'add' }] }));
    expect(() => loadCalendarFor(loadConfig({ CALENDAR_OVERRIDES_FILE: file }))).toThrow(
      /^CALENDAR_OVERRIDES_FILE: the calendar override file .*broken\.json is not valid/,
    );
  });
});
