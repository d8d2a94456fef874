import { buildCalendarSnapshot, readOverrides } from '@app/calendar';
import { holidaysOn, isWorkingDay, type CalendarDate } from '@app/contracts';

/**
 * The days people ask about, each checked by hand against GOV.UK's announcements: the answer under
 * PA2023 s.123 (a holiday anywhere in the UK) and under PCR2015 reg 2(1) (England and Wales only).
 */
const snapshot = buildCalendarSnapshot(readOverrides());

type Case = [label: string, date: CalendarDate, pa2023: string | null, pcr2015: string | null];

// The expected `why` is matched as a fragment; null means a working day.
const cases: Case[] = [
  // Scotland's 2 January: 2 Jan 2016 and 2 Jan 2027 are Saturdays, kept on Monday the 4th;
  // in 2022 1 Jan is a Saturday, so the two Scottish days are Mon 3 and Tue 4 Jan.
  ['Scotland’s 2 January substitute, 2016', '2016-01-04', 'in Scotland', null],
  ['Scotland’s 2 January substitute, 2027', '2027-01-04', 'in Scotland', null],
  ['Scotland’s second January substitute, 2022', '2022-01-04', 'in Scotland', null],
  ['2 January on a weekday, Scotland only, 2026', '2026-01-02', 'in Scotland', null],
  // St Andrew's Day: 30 Nov 2026 is a Monday; 30 Nov 2019 a Saturday (Monday 2 Dec);
  // 30 Nov 2025 a Sunday (Monday 1 Dec).
  ['St Andrew’s Day, 2026', '2026-11-30', 'St Andrew’s Day, a bank holiday in Scotland', null],
  ['St Andrew’s Day substitute, 2019', '2019-12-02', 'in Scotland', null],
  ['St Andrew’s Day substitute, 2025', '2025-12-01', 'in Scotland', null],
  // St Patrick's Day: Tuesday 17 Mar 2026; 17 Mar 2024 a Sunday (Monday 18th).
  ['St Patrick’s Day, 2026', '2026-03-17', 'St Patrick’s Day, a bank holiday in Northern Ireland', null],
  ['St Patrick’s Day substitute, 2024', '2024-03-18', 'in Northern Ireland', null],
  // 12 July: a Monday in 2027; a Sunday in 2026 (Monday 13th); a Saturday in 2025 (Monday 14th).
  ['Battle of the Boyne, 2027', '2027-07-12', 'in Northern Ireland', null],
  ['Battle of the Boyne substitute, 2026', '2026-07-13', 'in Northern Ireland', null],
  ['Battle of the Boyne substitute, 2025', '2025-07-14', 'in Northern Ireland', null],
  // Christmas and Boxing Day: in 2021 and 2027 both fall at the weekend, kept Mon 27 and Tue 28;
  // in 2022 Christmas is a Sunday (Tue 27); in 2026 Boxing Day is a Saturday (Mon 28).
  ['Christmas Day substitute, 2021', '2021-12-27', 'Christmas Day', 'Christmas Day'],
  ['Boxing Day substitute, 2021', '2021-12-28', 'Boxing Day', 'Boxing Day'],
  ['Christmas Day substitute, 2022', '2022-12-27', 'Christmas Day', 'Christmas Day'],
  ['Boxing Day substitute, 2026', '2026-12-28', 'Boxing Day', 'Boxing Day'],
  ['Christmas Day substitute, 2027', '2027-12-27', 'Christmas Day', 'Christmas Day'],
  ['Christmas Day on a Friday, 2026', '2026-12-25', 'Christmas Day', 'Christmas Day'],
  ['Christmas Eve, 2026', '2026-12-24', null, null],
  ['Christmas Day on a Saturday, 2027', '2027-12-25', 'Saturday', 'Saturday'],
  // Easter 2026: Good Friday 3 Apr, Easter Monday 6 Apr (England, Wales, Northern Ireland).
  ['Good Friday, 2026', '2026-04-03', 'Good Friday', 'Good Friday'],
  ['Easter Monday, 2026', '2026-04-06', 'England and Wales', 'Easter Monday'],
  ['Good Friday, 2027', '2027-03-26', 'Good Friday', 'Good Friday'],
  // One-off days: the 2022 Platinum Jubilee and State Funeral, the 2023 Coronation, VE Day 2020
  // (the early May holiday moved), Scotland's World Cup holiday in 2026.
  ['Platinum Jubilee, 2022', '2022-06-03', 'Scotland', 'England and Wales'],
  ['State Funeral of Queen Elizabeth II, 2022', '2022-09-19', 'Northern Ireland', 'England and Wales'],
  [
    'Coronation of King Charles III, 2023',
    '2023-05-08',
    'England and Wales, Scotland and Northern Ireland',
    'England and Wales',
  ],
  ['VE Day, 2020', '2020-05-08', 'VE day', 'VE day'],
  ['first Monday of May 2020, not a holiday that year', '2020-05-04', null, null],
  ['Scotland’s World Cup bank holiday, 2026', '2026-06-15', 'in Scotland', null],
  ['the Royal Wedding, 2011', '2011-04-29', 'Royal wedding', 'Royal wedding'],
  [
    'the spring bank holiday moved to 4 June 2012',
    '2012-06-04',
    'Spring bank holiday',
    'Spring bank holiday',
  ],
  ['28 May 2012, the usual spring bank holiday that year moved away', '2012-05-28', null, null],
  ['an ordinary Thursday', '2026-11-26', null, null],
];

describe.each(cases)('%s (%s)', (_label, date, pa2023, pcr2015) => {
  it(pa2023 ? `is not a PA2023 working day: ${pa2023}` : 'is a PA2023 working day', () => {
    const verdict = isWorkingDay(date, 'PA2023', snapshot);
    if (pa2023 === null) expect(verdict).toEqual({ working: true });
    else expect(verdict).toEqual({ working: false, why: expect.stringContaining(pa2023) });
  });

  it(pcr2015 ? `is not a PCR2015 working day: ${pcr2015}` : 'is a PCR2015 working day', () => {
    const verdict = isWorkingDay(date, 'PCR2015', snapshot);
    if (pcr2015 === null) expect(verdict).toEqual({ working: true });
    else expect(verdict).toEqual({ working: false, why: expect.stringContaining(pcr2015) });
  });
});

describe('Easter Monday is not a Scottish bank holiday', () => {
  it.each(['2019-04-22', '2026-04-06', '2027-03-29'])(
    '%s: England and Wales and Northern Ireland only',
    (date) => {
      expect(holidaysOn(snapshot, date).map((h) => h.division)).toEqual([
        'england-and-wales',
        'northern-ireland',
      ]);
      expect(holidaysOn(snapshot, date, ['scotland'])).toEqual([]);
    },
  );
});

describe('Christmas Day and Good Friday are named by the law itself', () => {
  // PA2023 s.123 and PCR2015 reg 2(1) name them, so they stay non-working days even if an
  // operator's override file were to drop them from the bank holiday lists.
  const bare = { ...snapshot, version: 'no-holidays', holidays: [] };

  it.each([
    ['2026-12-25', 'Christmas Day'],
    ['2026-04-03', 'Good Friday'],
    ['2019-04-19', 'Good Friday'],
  ])('%s stays non-working without any holiday list: %s', (date, name) => {
    expect(isWorkingDay(date, 'PA2023', bare)).toEqual({ working: false, why: `${name} (PA2023 s.123)` });
    expect(isWorkingDay(date, 'PCR2015', bare)).toEqual({
      working: false,
      why: `${name} (PCR2015 reg 2(1))`,
    });
  });

  it('Easter Monday and Boxing Day are only holidays because the lists say so', () => {
    expect(isWorkingDay('2026-04-06', 'PA2023', bare)).toEqual({ working: true });
    expect(isWorkingDay('2025-12-26', 'PCR2015', bare)).toEqual({ working: true });
  });
});
