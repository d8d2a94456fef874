import { buildCalendarSnapshot, readOverrides } from '@app/calendar';
import {
  CalendarInputError,
  deriveRegime,
  earliestLawfulClose,
  regimeContradiction,
  standstillEnd,
  tenderPeriodShortfall,
  workingDaysBetween,
  type ProcurementRegime,
  type TenderPeriodGround,
  type TenderPeriodOptions,
} from '@app/contracts';

/**
 * The law's periods as tables. Every expected value was worked out by hand from a wall calendar
 * and GOV.UK's bank holiday lists (the comment on each row shows the counting), never by calling
 * the function under test. London time: GMT in winter (+00:00), BST in summer (+01:00).
 */
const snapshot = buildCalendarSnapshot(readOverrides());

describe('minimum tendering periods and the earliest lawful close', () => {
  // Published Thursday 26 November 2026, 10:00 GMT; days counted from Friday 27 November.
  const published = '2026-11-26T10:00:00+00:00';
  type Row = [
    regime: ProcurementRegime,
    ground: TenderPeriodGround | null,
    options: TenderPeriodOptions,
    minimumDays: number,
    earliestClosesAt: string,
    citation: string,
  ];
  const rows: Row[] = [
    // 26 Nov + 25 days = 21 Dec (Monday).
    ['PA2023', null, {}, 25, '2026-12-21T00:00:00+00:00', 'PA2023 s.54(4)'],
    // 26 Nov + 30 = 26 Dec, a Saturday: PA2023 does not move a closing day off a weekend.
    ['PA2023', null, { documentsNotAllAtOnce: true }, 30, '2026-12-26T00:00:00+00:00', 'PA2023 s.54(4)'],
    // 26 Nov + 10 = 6 Dec (Sunday).
    ['PA2023', 'planned-procurement-notice', {}, 10, '2026-12-06T00:00:00+00:00', 'PA2023 s.54(4), (5)'],
    ['PA2023', 'urgency', {}, 10, '2026-12-06T00:00:00+00:00', 'PA2023 s.54(4)'],
    // 26 Nov + 30 = Sat 26 Dec; reg 2(4): Sun 27, Mon 28 (Boxing Day substitute) → Tue 29 Dec.
    ['PCR2015', null, {}, 30, '2026-12-29T00:00:00+00:00', 'PCR2015 reg 27(1), (4); PCR2015 reg 2(4)'],
    // 26 Nov + 35 = Thu 31 Dec, a working day.
    ['PCR2015', null, { tendersNotElectronic: true }, 35, '2026-12-31T00:00:00+00:00', 'PCR2015 reg 27(1)'],
    // 26 Nov + 15 = Fri 11 Dec.
    ['PCR2015', 'planned-procurement-notice', {}, 15, '2026-12-11T00:00:00+00:00', 'PCR2015 reg 27(2)'],
    ['PCR2015', 'urgency', {}, 15, '2026-12-11T00:00:00+00:00', 'PCR2015 reg 27(3)'],
    // No statutory minimum: the publication time itself.
    ['below-threshold', null, {}, 0, published, 'PA2023 ss.86–88'],
  ];

  it.each(rows)(
    '%s, ground %s %j: %i days, earliest close %s',
    (regime, ground, options, days, closesAt, citation) => {
      const result = earliestLawfulClose(regime, published, ground, snapshot, options);
      expect(result).toMatchObject({
        minimumDays: days,
        earliestClosesAt: closesAt,
        calendarVersion: snapshot.version,
      });
      expect(result.rule.citation).toBe(citation);
    },
  );

  it('counts from the London day of publication: 23:30 UTC on 1 June is 2 June in London', () => {
    // 2 June + 25 = 27 June 2026, summer time.
    expect(earliestLawfulClose('PA2023', '2026-06-01T23:30:00Z', null, snapshot).earliestClosesAt).toBe(
      '2026-06-27T00:00:00+01:00',
    );
  });

  it('crosses the change to summer time: 20 March + 10 = 30 March 2026, in BST', () => {
    expect(earliestLawfulClose('PA2023', '2026-03-20T12:00:00Z', 'urgency', snapshot).earliestClosesAt).toBe(
      '2026-03-30T00:00:00+01:00',
    );
  });

  it('says which non-working days a PCR2015 closing day was moved past', () => {
    expect(earliestLawfulClose('PCR2015', published, null, snapshot).skipped.map((d) => d.date)).toEqual([
      '2026-12-26',
      '2026-12-27',
      '2026-12-28',
    ]);
  });

  it('refuses a close before the minimum, naming the earliest lawful close; accepts one on that day', () => {
    const refused = tenderPeriodShortfall('PA2023', published, '2026-12-20T17:00:00Z', null, snapshot);
    expect(refused).toMatchObject({
      earliestClosesAt: '2026-12-21T00:00:00+00:00',
      rule: { citation: 'PA2023 s.54(4)' },
    });
    expect(tenderPeriodShortfall('PA2023', published, '2026-12-21T09:00:00Z', null, snapshot)).toBeNull();
    // The same close is lawful with a shortening ground (10 days: 6 December).
    expect(
      tenderPeriodShortfall('PA2023', published, '2026-12-20T17:00:00Z', 'urgency', snapshot),
    ).toBeNull();
    // Below threshold any close after publication is lawful.
    expect(
      tenderPeriodShortfall('below-threshold', published, '2026-11-26T10:00:30Z', null, snapshot),
    ).toBeNull();
  });
});

describe('standstill ends, PA2023 s.51 and PCR2015 reg 87, 2015–2027', () => {
  type Row = [
    label: string,
    regime: ProcurementRegime,
    from: string,
    lastDay: string,
    endsAt: string,
    skipped: string[],
  ];
  const rows: Row[] = [
    // PA2023: 8 working days beginning with the day of the contract award notice (union of UK holidays).
    [
      // Wed 23 Dec 2015 (1), Thu 24 (2), [Fri 25 Christmas, Sat, Sun, Mon 28 Boxing Day substitute],
      // Tue 29 (3), Wed 30 (4), Thu 31 (5), [Fri 1 Jan, Sat, Sun, Mon 4 Jan Scottish 2 January
      // substitute], Tue 5 (6), Wed 6 (7), Thu 7 (8).
      'PA2023 notice before Christmas 2015, into Scotland’s 2 January substitute',
      'PA2023',
      '2015-12-23T11:00:00Z',
      '2016-01-07',
      '2016-01-08T00:00:00+00:00',
      [
        '2015-12-25',
        '2015-12-26',
        '2015-12-27',
        '2015-12-28',
        '2016-01-01',
        '2016-01-02',
        '2016-01-03',
        '2016-01-04',
      ],
    ],
    [
      // Fri 18 Dec (1), Mon 21–Thu 24 (2–5), [Fri 25, Sat, Sun, Mon 28 Boxing Day substitute], Tue 29–Thu 31 (6–8).
      'PA2023 notice just before Christmas 2026',
      'PA2023',
      '2026-12-18T10:00:00Z',
      '2026-12-31',
      '2027-01-01T00:00:00+00:00',
      ['2026-12-19', '2026-12-20', '2026-12-25', '2026-12-26', '2026-12-27', '2026-12-28'],
    ],
    [
      // Wed 30 Dec (1), Thu 31 (2), [Fri 1 Jan, Sat, Sun, Mon 4 Jan Scottish substitute], Tue 5–Fri 8 (3–6), [Sat, Sun], Mon 11 (7), Tue 12 (8).
      'PA2023 notice before the Scottish 2 January substitute, 2027',
      'PA2023',
      '2026-12-30T09:00:00Z',
      '2027-01-12',
      '2027-01-13T00:00:00+00:00',
      ['2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04', '2027-01-09', '2027-01-10'],
    ],
    [
      // Thu 18 Apr 2019 (1), [Good Friday 19, Sat, Sun, Easter Monday 22], Tue 23–Fri 26 (2–5), [Sat, Sun], Mon 29, Tue 30, Wed 1 May (6–8).
      'PA2023 notice just before Easter 2019',
      'PA2023',
      '2019-04-18T09:00:00+01:00',
      '2019-05-01',
      '2019-05-02T00:00:00+01:00',
      ['2019-04-19', '2019-04-20', '2019-04-21', '2019-04-22', '2019-04-27', '2019-04-28'],
    ],
    [
      // Thu 2 Apr 2026 (1), [Good Friday 3, Sat, Sun, Easter Monday 6], Tue 7–Fri 10 (2–5), [Sat, Sun], Mon 13–Wed 15 (6–8).
      'PA2023 notice just before Easter 2026',
      'PA2023',
      '2026-04-02T09:00:00+01:00',
      '2026-04-15',
      '2026-04-16T00:00:00+01:00',
      ['2026-04-03', '2026-04-04', '2026-04-05', '2026-04-06', '2026-04-11', '2026-04-12'],
    ],
    [
      // Thu 28 Nov 2019 (1), Fri 29 (2), [Sat, Sun, Mon 2 Dec St Andrew's substitute], Tue 3–Fri 6 (3–6), [Sat, Sun], Mon 9, Tue 10 (7–8).
      'PA2023 notice before St Andrew’s Day substitute, 2019',
      'PA2023',
      '2019-11-28T12:00:00Z',
      '2019-12-10',
      '2019-12-11T00:00:00+00:00',
      ['2019-11-30', '2019-12-01', '2019-12-02', '2019-12-07', '2019-12-08'],
    ],
    [
      // Wed 25 Nov 2026 (1), Thu 26, Fri 27 (2–3), [Sat, Sun, Mon 30 St Andrew's Day], Tue 1–Fri 4 Dec (4–7), [Sat, Sun], Mon 7 (8).
      'PA2023 notice before St Andrew’s Day 2026',
      'PA2023',
      '2026-11-25T12:00:00Z',
      '2026-12-07',
      '2026-12-08T00:00:00+00:00',
      ['2026-11-28', '2026-11-29', '2026-11-30', '2026-12-05', '2026-12-06'],
    ],
    [
      // Mon 16 Mar 2020 (1), [Tue 17 St Patrick's Day], Wed 18–Fri 20 (2–4), [Sat, Sun], Mon 23–Thu 26 (5–8).
      'PA2023 notice before St Patrick’s Day 2020',
      'PA2023',
      '2020-03-16T10:00:00Z',
      '2020-03-26',
      '2020-03-27T00:00:00+00:00',
      ['2020-03-17', '2020-03-21', '2020-03-22'],
    ],
    [
      // Mon 16 Mar 2026 (1), [Tue 17 St Patrick's Day], Wed 18–Fri 20 (2–4), [Sat, Sun], Mon 23–Thu 26 (5–8); BST starts 29 Mar.
      'PA2023 notice before St Patrick’s Day 2026',
      'PA2023',
      '2026-03-16T10:00:00Z',
      '2026-03-26',
      '2026-03-27T00:00:00+00:00',
      ['2026-03-17', '2026-03-21', '2026-03-22'],
    ],
    [
      // Fri 9 Jul 2021 (1), [Sat, Sun, Mon 12 July Battle of the Boyne], Tue 13–Fri 16 (2–5), [Sat, Sun], Mon 19–Wed 21 (6–8).
      'PA2023 notice before 12 July 2021',
      'PA2023',
      '2021-07-09T10:00:00+01:00',
      '2021-07-21',
      '2021-07-22T00:00:00+01:00',
      ['2021-07-10', '2021-07-11', '2021-07-12', '2021-07-17', '2021-07-18'],
    ],
    [
      // 23:30 UTC on Thu 9 July is 00:30 BST on Fri 10 July: Fri 10 (1), [Sat, Sun 12, Mon 13 Boyne substitute],
      // Tue 14–Fri 17 (2–5), [Sat, Sun], Mon 20–Wed 22 (6–8).
      'PA2023 notice before 12 July 2026 (a Sunday, kept on Monday 13th), published just after midnight BST',
      'PA2023',
      '2026-07-09T23:30:00Z',
      '2026-07-22',
      '2026-07-23T00:00:00+01:00',
      ['2026-07-11', '2026-07-12', '2026-07-13', '2026-07-18', '2026-07-19'],
    ],
    [
      // Published on Saturday 21 Nov 2026, not a working day: Mon 23–Fri 27 (1–5), [Sat, Sun, Mon 30 St Andrew's], Tue 1–Thu 3 Dec (6–8).
      'PA2023 notice published on a Saturday',
      'PA2023',
      '2026-11-21T10:00:00Z',
      '2026-12-03',
      '2026-12-04T00:00:00+00:00',
      ['2026-11-21', '2026-11-22', '2026-11-28', '2026-11-29', '2026-11-30'],
    ],
    // PCR2015: midnight at the end of the 10th day after the decision is sent; reg 2(4) moves an end on a
    // non-working day (England and Wales) to the end of the next working day.
    [
      // Mon 21 Dec 2015 + 10 = Thu 31 Dec, a working day.
      'PCR2015 decision sent before Christmas 2015',
      'PCR2015',
      '2015-12-21T10:00:00Z',
      '2015-12-31',
      '2016-01-01T00:00:00+00:00',
      [],
    ],
    [
      // Wed 16 Dec 2020 + 10 = Sat 26 Dec; Sun 27, Mon 28 (Boxing Day substitute) → Tue 29.
      'PCR2015 decision sent before Christmas 2020',
      'PCR2015',
      '2020-12-16T10:00:00Z',
      '2020-12-29',
      '2020-12-30T00:00:00+00:00',
      ['2020-12-26', '2020-12-27', '2020-12-28'],
    ],
    [
      // Tue 15 Dec 2026 + 10 = Fri 25 Dec; Sat, Sun, Mon 28 (Boxing Day substitute) → Tue 29.
      'PCR2015 decision sent ten days before Christmas 2026',
      'PCR2015',
      '2026-12-15T10:00:00Z',
      '2026-12-29',
      '2026-12-30T00:00:00+00:00',
      ['2026-12-25', '2026-12-26', '2026-12-27', '2026-12-28'],
    ],
    [
      // Thu 24 Dec 2026 + 10 = Sun 3 Jan 2027 → Mon 4 Jan, a working day in England and Wales
      // (Scotland's 2 January substitute does not count under PCR2015).
      'PCR2015 period ending on a Sunday, before the Scottish 2 January substitute',
      'PCR2015',
      '2026-12-24T10:00:00Z',
      '2027-01-04',
      '2027-01-05T00:00:00+00:00',
      ['2027-01-03'],
    ],
    [
      // Tue 16 Mar 2027 + 10 = Fri 26 Mar (Good Friday); Sat, Sun, Mon 29 (Easter Monday) → Tue 30, in BST.
      'PCR2015 period ending on Good Friday 2027',
      'PCR2015',
      '2027-03-16T10:00:00Z',
      '2027-03-30',
      '2027-03-31T00:00:00+01:00',
      ['2027-03-26', '2027-03-27', '2027-03-28', '2027-03-29'],
    ],
    [
      // Fri 20 Nov 2026 + 10 = Mon 30 Nov, St Andrew's Day: Scottish only, so a PCR2015 working day.
      'PCR2015 period ending on St Andrew’s Day',
      'PCR2015',
      '2026-11-20T10:00:00Z',
      '2026-11-30',
      '2026-12-01T00:00:00+00:00',
      [],
    ],
    [
      // Sat 7 Mar 2026 + 10 = Tue 17 Mar, St Patrick's Day: Northern Ireland only, a PCR2015 working day.
      'PCR2015 period ending on St Patrick’s Day',
      'PCR2015',
      '2026-03-07T10:00:00Z',
      '2026-03-17',
      '2026-03-18T00:00:00+00:00',
      [],
    ],
    [
      // Thu 2 Jul 2026 + 10 = Sun 12 Jul → Mon 13 Jul (the Boyne substitute is Northern Ireland's only).
      'PCR2015 period ending on a Sunday, 12 July 2026',
      'PCR2015',
      '2026-07-02T10:00:00+01:00',
      '2026-07-13',
      '2026-07-14T00:00:00+01:00',
      ['2026-07-12'],
    ],
  ];

  it.each(rows)('%s', (_label, regime, from, lastDay, endsAt, skipped) => {
    const result = standstillEnd(regime, from, snapshot);
    expect(result).toMatchObject({ kind: 'statutory', lastDay, endsAt, calendarVersion: snapshot.version });
    expect(result.skipped.map((d) => d.date)).toEqual(skipped);
  });

  it('names the rule, and the roll-forward only when it moved the end', () => {
    expect(standstillEnd('PA2023', '2026-12-18T10:00:00Z', snapshot).rule.citation).toBe('PA2023 s.51(2)');
    expect(standstillEnd('PCR2015', '2026-11-20T10:00:00Z', snapshot).rule.citation).toBe(
      'PCR2015 reg 87(2)(a)',
    );
    expect(standstillEnd('PCR2015', '2026-07-02T10:00:00+01:00', snapshot).rule.citation).toBe(
      'PCR2015 reg 87(2)(a); PCR2015 reg 2(4)',
    );
  });

  it('says why each day was skipped', () => {
    const { skipped } = standstillEnd('PA2023', '2026-11-25T12:00:00Z', snapshot);
    expect(skipped).toEqual([
      { date: '2026-11-28', why: 'Saturday' },
      { date: '2026-11-29', why: 'Sunday' },
      { date: '2026-11-30', why: 'St Andrew’s Day, a bank holiday in Scotland' },
      { date: '2026-12-05', why: 'Saturday' },
      { date: '2026-12-06', why: 'Sunday' },
    ]);
  });

  it('below threshold: none, or a voluntary one of any ISO 8601 duration from the award', () => {
    expect(standstillEnd('below-threshold', '2026-07-02T10:00:00+01:00', snapshot)).toMatchObject({
      kind: 'none',
      lastDay: null,
      endsAt: '2026-07-02T10:00:00+01:00',
    });
    expect(standstillEnd('below-threshold', '2026-07-02T10:00:00+01:00', snapshot, 'PT30S')).toMatchObject({
      kind: 'voluntary',
      lastDay: '2026-07-02',
      endsAt: '2026-07-02T10:00:30+01:00',
    });
    // 10:00 BST on Thu 2 July plus 5 days = 10:00 BST on Tue 7 July.
    expect(standstillEnd('below-threshold', '2026-07-02T09:00:00Z', snapshot, 'P5D').endsAt).toBe(
      '2026-07-07T10:00:00+01:00',
    );
  });

  it.each([
    ['PA2023', 'P10D', 'voluntary'],
    ['PCR2015', 'P10D', 'voluntary'],
    ['below-threshold', 'P1Y', 'voluntary'],
    ['below-threshold', 'PT0S', 'voluntary'],
    ['below-threshold', 'P400D', 'voluntary'],
  ] as const)('%s with voluntary %s is refused, naming %s', (regime, voluntary, field) => {
    expect(() => standstillEnd(regime, '2026-07-02T10:00:00+01:00', snapshot, voluntary)).toThrow(
      expect.objectContaining({ field }),
    );
  });

  it('refuses a day outside the years the calendar covers', () => {
    expect(() => standstillEnd('PA2023', '2041-01-02T10:00:00Z', snapshot)).toThrow(CalendarInputError);
  });
});

describe('regime derivation around each threshold change', () => {
  type Row = [value: number, start: string, regime: ProcurementRegime, reason: string];
  const rows: Row[] = [
    // Before 24 Feb 2025 the procurement stays under PCR2015, whatever the value.
    [
      139_688,
      '2025-02-23',
      'PCR2015',
      'begun on 23 February 2025, before the Procurement Act 2023 came into force',
    ],
    [5_000, '2025-02-23', 'PCR2015', 'Public Contracts Regulations 2015 apply'],
    // 23:30 GMT on 23 Feb is still 23 Feb in London; midnight starts the 24th.
    [500_000, '2025-02-23T23:30:00Z', 'PCR2015', 'begun on 23 February 2025'],
    [
      500_000,
      '2025-02-24T00:00:00Z',
      'PA2023',
      '£500,000 is at or above the £139,688 threshold in force on 24 February 2025',
    ],
    // From 24 Feb 2025: £139,688.
    [139_688, '2025-02-24', 'PA2023', 'at or above the £139,688 threshold in force on 24 February 2025'],
    [
      139_687.99,
      '2025-02-24',
      'below-threshold',
      '£139,687.99 is below the £139,688 threshold in force on 24 February 2025',
    ],
    [139_000, '2025-12-31', 'below-threshold', 'below the £139,688 threshold in force on 31 December 2025'],
    [
      135_018,
      '2025-12-31T23:59:59Z',
      'below-threshold',
      'below the £139,688 threshold in force on 31 December 2025',
    ],
    // From 1 Jan 2026: £135,018.
    [139_000, '2026-01-01', 'PA2023', 'at or above the £135,018 threshold in force on 1 January 2026'],
    [
      135_018,
      '2026-01-01T00:00:00Z',
      'PA2023',
      'at or above the £135,018 threshold in force on 1 January 2026',
    ],
    [135_017, '2026-01-01', 'below-threshold', 'below the £135,018 threshold in force on 1 January 2026'],
    [
      100_000,
      '2026-11-26T10:00:00Z',
      'below-threshold',
      'below the £135,018 threshold in force on 26 November 2026',
    ],
    // Below threshold, notifiable from £12,000.
    [12_000, '2026-11-26', 'below-threshold', 'a notifiable below-threshold contract'],
    [11_999, '2026-11-26', 'below-threshold', 'not a notifiable below-threshold contract'],
  ];

  it.each(rows)('£%d begun %s → %s', (value, start, regime, reason) => {
    const derived = deriveRegime(value, start);
    expect(derived.regime).toBe(regime);
    expect(derived.reason).toContain(reason);
  });

  it('says whether a below-threshold contract is notifiable', () => {
    expect(deriveRegime(12_000, '2026-11-26').notifiable).toBe(true);
    expect(deriveRegime(11_999.99, '2026-11-26').notifiable).toBe(false);
    expect(deriveRegime(200_000, '2026-11-26').notifiable).toBeNull();
  });

  it('refuses a value that is not a sum of money', () => {
    expect(() => deriveRegime(-1, '2026-11-26')).toThrow(
      expect.objectContaining({ field: 'estimatedValue' }),
    );
    expect(() => deriveRegime(Number.NaN, '2026-11-26')).toThrow(CalendarInputError);
  });

  describe('a chosen regime that contradicts the value and date', () => {
    it.each([
      ['PA2023', 200_000, '2026-11-26', null],
      ['below-threshold', 100_000, '2026-11-26', null],
      ['PCR2015', 100_000, '2025-01-15', null],
      ['PA2023', null, '2026-11-26', null],
      ['below-threshold', null, '2026-11-26', null],
    ] as const)('%s for £%s begun %s is consistent', (regime, value, start, expected) => {
      expect(regimeContradiction(regime, value, start)).toBe(expected);
    });

    it.each([
      ['PA2023', 100_000, '2026-11-26', 'below the £135,018 threshold in force on 26 November 2026'],
      ['below-threshold', 200_000, '2026-11-26', 'at or above the £135,018 threshold'],
      ['PCR2015', 200_000, '2026-11-26', 'point to PA2023'],
      ['PA2023', 200_000, '2025-01-15', 'before the Procurement Act 2023 came into force'],
      ['PCR2015', null, '2026-11-26', 'applies only to procurements begun before 24 February 2025'],
      ['PA2023', null, '2025-01-15', 'falls under the Public Contracts Regulations 2015'],
    ] as const)('%s for £%s begun %s needs a justification: %s', (regime, value, start, sentence) => {
      expect(regimeContradiction(regime, value, start)).toContain(sentence);
    });
  });
});

describe('working days between two dates', () => {
  it('lists the working days and each day skipped with why (PA2023: the union of the UK)', () => {
    // Wed 10 – Tue 16 June 2026: Sat 13, Sun 14, and Mon 15 (Scotland's World Cup bank holiday).
    expect(workingDaysBetween('2026-06-10', '2026-06-16', 'PA2023', snapshot)).toEqual({
      workingDays: ['2026-06-10', '2026-06-11', '2026-06-12', '2026-06-16'],
      skipped: [
        { date: '2026-06-13', why: 'Saturday' },
        { date: '2026-06-14', why: 'Sunday' },
        {
          date: '2026-06-15',
          why: 'Bank holiday for Scotland at the FIFA World Cup, a bank holiday in Scotland',
        },
      ],
    });
  });

  it('names every division that keeps a holiday', () => {
    expect(workingDaysBetween('2026-12-25', '2026-12-25', 'PA2023', snapshot).skipped).toEqual([
      {
        date: '2026-12-25',
        why: 'Christmas Day, a bank holiday in England and Wales, Scotland and Northern Ireland',
      },
    ]);
  });

  it.each([
    ['2026-06-16', '2026-06-10', 'to'],
    ['2026-01-01', '2028-01-05', 'to'],
    ['2026-02-30', '2026-03-01', 'from'],
    ['2009-12-30', '2010-01-02', 'from'],
  ])('refuses %s to %s, naming %s', (from, to, field) => {
    expect(() => workingDaysBetween(from, to, 'PA2023', snapshot)).toThrow(
      expect.objectContaining({ field }),
    );
  });
});
