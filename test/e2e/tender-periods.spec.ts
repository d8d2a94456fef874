import { loadCalendarSnapshot } from '@app/calendar';
import {
  earliestLawfulClose,
  londonDateOf,
  type CalendarSnapshot,
  type ProcurementRegime,
} from '@app/contracts';
import { CommissionFactory } from '../support/factories';
import { people } from '../support/people';
import { CRITERIA, daysFromNow, secondsFromNow, signedOff } from '../support/tender';
import { startWorld, type World } from '../support/world';

const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

describe('tendering periods through the API, per regime and ground', () => {
  let world: World;
  let calendar: CalendarSnapshot;
  const ids: Partial<Record<ProcurementRegime, string>> = {};

  beforeAll(async () => {
    world = await startWorld();
    calendar = loadCalendarSnapshot();
    ids.PA2023 = await signedOff(world, { estimatedValue: 200_000 });
    ids.PCR2015 = await signedOff(world, {
      regime: 'PCR2015',
      estimatedValue: 200_000,
      regimeJustification: 'Begun under a PCR2015 framework before February 2025',
    });
    ids['below-threshold'] = await signedOff(world, { estimatedValue: 50_000 });
  });
  afterAll(() => world.stop());

  const publish = (regime: ProcurementRegime, body: object) =>
    world.as(people.officer).post(`/v1/commissions/${ids[regime]}/tender`, {
      clarificationsCloseAt: secondsFromNow(3600),
      criteria: CRITERIA,
      ...body,
    });

  it('records how each regime was decided at creation', async () => {
    const read = async (regime: ProcurementRegime) =>
      (await world.as(people.officer).get(`/v1/commissions/${ids[regime]}`).expect(200)).body;
    expect(await read('PA2023')).toMatchObject({
      regime: 'PA2023',
      estimatedValue: 200_000,
      regimeBasis: {
        source: 'derived',
        reason: expect.stringContaining('at or above the £135,018 threshold'),
      },
    });
    expect(await read('PCR2015')).toMatchObject({
      regime: 'PCR2015',
      regimeBasis: {
        source: 'chosen',
        contradiction: expect.stringContaining('PCR2015 was chosen'),
        justification: 'Begun under a PCR2015 framework before February 2025',
      },
    });
  });

  it('a regime contradicting the value and the date needs a justification', async () => {
    const res = await world
      .as(people.officer)
      .post('/v1/commissions', {
        ...CommissionFactory.withPanel(1).build(),
        regime: 'below-threshold',
        estimatedValue: 500_000,
      })
      .expect(400);
    expect(res.body.errors).toEqual([
      { field: 'regimeJustification', message: expect.stringContaining('below-threshold was chosen') },
    ]);
  });

  it.each([
    ['PA2023', null, 24, 25, 'PA2023 s.54(4)'],
    ['PA2023', 'urgency', 9, 10, 'PA2023 s.54(4)'],
    ['PA2023', 'planned-procurement-notice', 9, 10, 'PA2023 s.54(4), (5)'],
    ['PCR2015', null, 29, 30, 'PCR2015 reg 27(1), (4)'],
    ['PCR2015', 'urgency', 14, 15, 'PCR2015 reg 27(3)'],
    ['PCR2015', 'planned-procurement-notice', 14, 15, 'PCR2015 reg 27(2)'],
  ] as const)(
    '%s with ground %s: a close in %i days is refused with 409 naming the earliest lawful close (minimum %i days)',
    async (regime, ground, days, minimumDays, citation) => {
      const before = earliestLawfulClose(regime, new Date().toISOString(), ground, calendar);
      const res = await publish(regime, {
        closesAt: daysFromNow(days),
        ...(ground ? { shortenedPeriod: { ground, justification: 'A recorded reason' } } : {}),
      }).expect(409);
      const after = earliestLawfulClose(regime, new Date().toISOString(), ground, calendar);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body).toMatchObject({
        code: 'period-too-short',
        stage: 'signed-off',
        minimumDays: String(minimumDays),
        calendarVersion: calendar.version,
      });
      expect(res.body.rule).toContain(citation);
      // The same instant as the calendar gives (publication can straddle midnight, hence either).
      const expected = [before, after].map((e) => new Date(Date.parse(e.earliestClosesAt)).toISOString());
      expect(expected).toContain(res.body.earliestLawfulClose);
      expect(res.body.detail).toContain(res.body.earliestLawfulClose);
      // Counted in London calendar days from the day of publication (PCR2015 may roll past holidays).
      const publishedOn = `${londonDateOf(new Date().toISOString())}T00:00:00Z`;
      const closingDay = `${londonDateOf(res.body.earliestLawfulClose)}T00:00:00Z`;
      expect(daysBetween(publishedOn, closingDay)).toBeGreaterThanOrEqual(minimumDays);
    },
  );

  it('below threshold there is no minimum, so no ground to shorten it', async () => {
    const res = await publish('below-threshold', {
      closesAt: daysFromNow(1),
      shortenedPeriod: { ground: 'urgency', justification: 'Floods' },
    }).expect(400);
    expect(res.body.detail).toMatch(/no minimum/);
  });

  it('a ground without a justification is a 400 naming the field', async () => {
    const res = await publish('PA2023', {
      closesAt: daysFromNow(11),
      shortenedPeriod: { ground: 'urgency', justification: '' },
    }).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'shortenedPeriod.justification' })]);
  });

  it('accepts the earliest lawful close and records the period, its rule and the calendar version', async () => {
    const urgent = earliestLawfulClose('PA2023', new Date().toISOString(), 'urgency', calendar);
    const pa = await publish('PA2023', {
      closesAt: new Date(Date.parse(urgent.earliestClosesAt) + 3_600_000).toISOString(),
      shortenedPeriod: { ground: 'urgency', justification: 'The minister needs the report in September' },
    }).expect(200);
    expect(pa.body).toMatchObject({
      stage: 'tendering',
      tender: {
        shortenedPeriod: { ground: 'urgency' },
        period: { regime: 'PA2023', ground: 'urgency', minimumDays: 10, calendarVersion: calendar.version },
      },
      notices: [{ type: 'UK4', content: { shortenedPeriod: { ground: 'urgency' } } }],
    });
    const standard = earliestLawfulClose('PCR2015', new Date().toISOString(), null, calendar);
    const pcr = await publish('PCR2015', {
      closesAt: new Date(Date.parse(standard.earliestClosesAt) + 3_600_000).toISOString(),
    }).expect(200);
    expect(pcr.body.notices).toEqual([expect.objectContaining({ type: 'contract-notice' })]);
    const below = await publish('below-threshold', {
      closesAt: secondsFromNow(120),
      clarificationsCloseAt: secondsFromNow(60),
    }).expect(200);
    expect(below.body.tender.period).toMatchObject({ minimumDays: 0 });
    for (const id of Object.values(ids)) {
      await world
        .as(people.officer)
        .post(`/v1/commissions/${id}/cancel`, { reason: 'test over' })
        .expect(200);
    }
  });
});
