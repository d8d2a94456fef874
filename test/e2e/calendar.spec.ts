import { loadCalendarSnapshot } from '@app/calendar';
import { people } from '../support/people';
import { startWorld, type World } from '../support/world';

const PROBLEM = /application\/problem\+json/;

/**
 * The law's calendar through the real API. The expected dates were worked out by hand (see
 * test/unit/calendar-periods.spec.ts for the counting); here what matters is the HTTP contract:
 * any signed-in role may ask, every answer names the calendar version, bad input is a 400.
 */
describe('GET /v1/calendar/*', () => {
  let world: World;
  const version = loadCalendarSnapshot().version;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world.stop());

  const get = (path: string, who = people.officer) => world.as(who).get(path);

  async function refused(path: string, field: string) {
    const res = await get(path).expect(400);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({ status: 400, title: 'Invalid request' });
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    return res.body;
  }

  describe('working-days', () => {
    it('lists the working days and each day skipped with why, under PA2023 (the whole UK)', async () => {
      // Wed 10 – Tue 16 June 2026: the weekend, and Monday 15th, Scotland's World Cup bank holiday.
      const res = await get('/v1/calendar/working-days?from=2026-06-10&to=2026-06-16&regime=PA2023').expect(
        200,
      );
      expect(res.body).toMatchObject({
        regime: 'PA2023',
        workingDayCount: 4,
        workingDays: ['2026-06-10', '2026-06-11', '2026-06-12', '2026-06-16'],
        skipped: [
          { date: '2026-06-13', why: 'Saturday' },
          { date: '2026-06-14', why: 'Sunday' },
          { date: '2026-06-15', why: expect.stringContaining('a bank holiday in Scotland') },
        ],
        rule: { citation: 'PA2023 s.123' },
        calendarVersion: version,
        calendar: { version, source: expect.stringContaining('date-holidays') },
      });
    });

    it('counts a Scottish-only holiday as a working day under PCR2015 (England and Wales)', async () => {
      const res = await get('/v1/calendar/working-days?from=2026-06-10&to=2026-06-16&regime=PCR2015').expect(
        200,
      );
      expect(res.body.workingDays).toContain('2026-06-15');
      expect(res.body.rule.citation).toBe('PCR2015 reg 2(1)');
    });

    it.each([people.supplier, people.observer, people.chair])(
      'answers any signed-in role ($roles)',
      async (who) => {
        await get('/v1/calendar/working-days?from=2026-11-30&to=2026-11-30&regime=PA2023', who).expect(200);
      },
    );

    it('refuses a caller without a token', async () => {
      const res = await world.anonymous.get(
        '/v1/calendar/working-days?from=2026-11-30&to=2026-11-30&regime=PA2023',
      );
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(PROBLEM);
    });

    it.each([
      ['from=2026-02-30&to=2026-03-02&regime=PA2023', 'from'],
      ['from=30/11/2026&to=2026-12-02&regime=PA2023', 'from'],
      ['from=2026-11-30&regime=PA2023', 'to'],
      ['from=2026-11-30&to=2026-12-02&regime=EU2014', 'regime'],
      ['from=2026-11-30&to=2026-12-02', 'regime'],
      ['from=2026-12-02&to=2026-11-30&regime=PA2023', 'to'],
      ['from=2026-01-01&to=2028-01-05&regime=PA2023', 'to'],
      ['from=2005-01-03&to=2005-01-07&regime=PA2023', 'from'],
      ['from=2026-11-30&to=2026-12-02&regime=PA2023&colour=red', 'colour'],
    ])('refuses %s with a 400 naming %s', async (query, field) => {
      await refused(`/v1/calendar/working-days?${query}`, field);
    });

    it('says how long a range may be', async () => {
      const body = await refused(
        '/v1/calendar/working-days?from=2026-01-01&to=2028-01-05&regime=PA2023',
        'to',
      );
      expect(body.detail).toMatch(/at most 732 days/);
    });
  });

  describe('standstill', () => {
    it('PA2023: eight working days beginning with the day of the notice, through Christmas', async () => {
      const res = await get('/v1/calendar/standstill?regime=PA2023&from=2026-12-18T10:00:00Z').expect(200);
      expect(res.body).toMatchObject({
        regime: 'PA2023',
        kind: 'statutory',
        startDay: '2026-12-18',
        lastDay: '2026-12-31',
        endsAt: '2027-01-01T00:00:00+00:00',
        rule: { citation: 'PA2023 s.51(2)' },
        calendarVersion: version,
        calendar: { version },
      });
      expect(res.body.skipped).toContainEqual({
        date: '2026-12-28',
        why: expect.stringContaining('Boxing Day'),
      });
    });

    it('PCR2015: a tenth day on a Sunday moves to the end of Monday', async () => {
      const res = await get(
        `/v1/calendar/standstill?regime=PCR2015&from=${encodeURIComponent('2026-07-02T10:00:00+01:00')}`,
      ).expect(200);
      expect(res.body).toMatchObject({
        lastDay: '2026-07-13',
        endsAt: '2026-07-14T00:00:00+01:00',
        skipped: [{ date: '2026-07-12', why: 'Sunday' }],
        rule: { citation: 'PCR2015 reg 87(2)(a); PCR2015 reg 2(4)' },
      });
    });

    it('below threshold: none, or the voluntary one asked for', async () => {
      const none = await get(
        '/v1/calendar/standstill?regime=below-threshold&from=2026-07-02T09:00:00Z',
      ).expect(200);
      expect(none.body).toMatchObject({ kind: 'none', lastDay: null, endsAt: '2026-07-02T10:00:00+01:00' });
      const voluntary = await get(
        '/v1/calendar/standstill?regime=below-threshold&from=2026-07-02T09:00:00Z&voluntary=PT30S',
      ).expect(200);
      expect(voluntary.body).toMatchObject({
        kind: 'voluntary',
        voluntary: 'PT30S',
        endsAt: '2026-07-02T10:00:30+01:00',
      });
    });

    it.each([
      ['regime=PA2023&from=2026-12-18T10:00:00Z&voluntary=P10D', 'voluntary'],
      ['regime=below-threshold&from=2026-07-02T09:00:00Z&voluntary=P1Y', 'voluntary'],
      ['regime=below-threshold&from=2026-07-02T09:00:00Z&voluntary=P400D', 'voluntary'],
      ['regime=PA2023&from=2026-12-18T10:00:00', 'from'],
      ['regime=PA2023&from=2026-12-18', 'from'],
      ['regime=PA2023', 'from'],
      ['regime=PA2024&from=2026-12-18T10:00:00Z', 'regime'],
      ['regime=PA2023&from=2045-12-18T10:00:00Z', 'from'],
    ])('refuses %s with a 400 naming %s', async (query, field) => {
      await refused(`/v1/calendar/standstill?${query}`, field);
    });
  });

  describe('tender-period', () => {
    const at = encodeURIComponent('2026-11-26T10:00:00+00:00');

    it.each([
      // Published Thu 26 Nov 2026: +25 = Mon 21 Dec; +10 = Sun 6 Dec; PCR2015 +30 = Sat 26 Dec → Tue 29 Dec.
      ['regime=PA2023', 25, '2026-12-21T00:00:00+00:00', 'PA2023 s.54(4)'],
      ['regime=PA2023&ground=urgency', 10, '2026-12-06T00:00:00+00:00', 'PA2023 s.54(4)'],
      ['regime=PA2023&documentsNotAllAtOnce=true', 30, '2026-12-26T00:00:00+00:00', 'PA2023 s.54(4)'],
      ['regime=PCR2015', 30, '2026-12-29T00:00:00+00:00', 'PCR2015 reg 27(1), (4); PCR2015 reg 2(4)'],
      [
        'regime=PCR2015&ground=planned-procurement-notice',
        15,
        '2026-12-11T00:00:00+00:00',
        'PCR2015 reg 27(2)',
      ],
      ['regime=below-threshold', 0, '2026-11-26T10:00:00+00:00', 'PA2023 ss.86–88'],
    ])('%s: %i days, earliest close %s', async (query, minimumDays, earliestClosesAt, citation) => {
      const res = await get(`/v1/calendar/tender-period?${query}&publishedAt=${at}`).expect(200);
      expect(res.body).toMatchObject({
        minimumDays,
        earliestClosesAt,
        rule: { citation },
        calendarVersion: version,
      });
    });

    it.each([
      [`regime=PA2023&publishedAt=${at}&ground=because`, 'ground'],
      [`regime=PA2023&publishedAt=${at}&documentsNotAllAtOnce=maybe`, 'documentsNotAllAtOnce'],
      ['regime=PA2023&publishedAt=yesterday', 'publishedAt'],
      [`publishedAt=${at}`, 'regime'],
      ['regime=PCR2015&publishedAt=2045-11-26T10:00:00Z', 'publishedAt'],
    ])('refuses %s with a 400 naming %s', async (query, field) => {
      await refused(`/v1/calendar/tender-period?${query}`, field);
    });
  });

  it('is in the OpenAPI document', async () => {
    const res = await world.anonymous.get('/v1/openapi.json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/calendar/working-days',
        '/v1/calendar/standstill',
        '/v1/calendar/tender-period',
      ]),
    );
  });
});
