import { randomUUID } from 'node:crypto';
import { loadConfig } from '@app/config';
import { MEMBERSHIP_LIMITS, REMINDER_LIMITS } from '@app/contracts';
import { mintToken } from '../../apps/api/src/auth/token';
import { drive } from '../support/drive';
import { CommissionFactory } from '../support/factories';
import { people, tokenFor, type TestUser } from '../support/people';
import { startWorld, type World } from '../support/world';

const PROBLEM = /application\/problem\+json/;
const fields = (res: { body: { errors?: { field: string }[] } }) =>
  (res.body.errors ?? []).map((e) => e.field);
const person = (u: TestUser) => ({ userId: u.userId, name: u.name, email: u.email });

/** Input that once reached the workflow, wedged its projection or answered 500, now refused at the edge. */
describe('the API edge refuses what it cannot keep', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world.stop());

  const create = (fields: Record<string, unknown>, as: TestUser = people.officer) =>
    world.as(as).post('/v1/commissions', CommissionFactory.withPanel().with(fields).build());

  const createRaw = (json: string) =>
    world.anonymous
      .post('/v1/commissions')
      .set('Authorization', `Bearer ${tokenFor(people.officer)}`)
      .set('content-type', 'application/json')
      .send(json);

  describe('text the database cannot store (class 1)', () => {
    it.each([
      ['an unpaired surrogate in a title', { title: 'Study \ud800' }, 'title'],
      ['a NUL in a panel name', { panel: [{ ...person(people.chair), name: 'J\u0000' }] }, 'panel.0.name'],
      ['an escape sequence in a description', { description: 'x\u001b[2J' }, 'description'],
      [
        'a C1 control in an observer name',
        { observers: [{ ...person(people.observer), name: 'M\u0085' }] },
        'observers.0.name',
      ],
      ['a right-to-left override in a title', { title: 'Study \u202eexe.' }, 'title'],
    ])('refuses %s with 400 naming the field', async (_, body, field) => {
      const res = await create(body).expect(400);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(fields(res)).toEqual([field]);
    });

    it('refuses unstorable text in every command on a commission, and the commission stays whole', async () => {
      const c = await drive(world).opened().submitted();
      const before = await c.view();
      const bad = 'bad \udfff text';
      await c.as(people.officer).put('/specification', { content: bad }).expect(400);
      await c
        .as(people.wood)
        .post('/sign-offs', { decision: 'request-changes', specificationVersion: 1, comment: bad })
        .expect(400);
      await c.as(people.wood).post('/conflicts', { supplier: bad, reason: 'r' }).expect(400);
      await c.as(people.wood).post('/conflicts', { supplier: 's', reason: bad }).expect(400);
      await c
        .as(people.officer)
        .post('/deadlines', { milestone: 'final-report', dueAt: '2038-10-01T00:00:00Z', reason: bad })
        .expect(400);
      await c.as(people.officer).post('/cancel', { reason: bad }).expect(400);
      expect((await c.view()).version).toBe(before.version);
      // …and the next good command still reaches the read model and the audit.
      const cancelled = await c.as(people.officer).post('/cancel', { reason: 'Done' }).expect(200);
      const history = await c.as(people.observer).get('/history').expect(200);
      expect(history.body.events.map((e: { seq: number }) => e.seq)).toEqual(
        Array.from({ length: cancelled.body.version }, (_, i) => i + 1),
      );
    });

    it('refuses it in queries (400) and in paths (404)', async () => {
      // A query string is bytes: an encoded lone surrogate decodes to U+FFFD, but controls arrive.
      const q = await world.as(people.observer).get('/v1/commissions?q=a%00b').expect(400);
      expect(fields(q)).toEqual(['q']);
      await world.as(people.observer).get('/v1/commissions?q=a%1Bb').expect(400);
      await world.as(people.observer).get('/v1/commissions?q=%E2%80%AEab').expect(400);
      await world.as(people.observer).get('/v1/commissions').query({ programmeId: 'Bad Id' }).expect(400);
      await world.as(people.observer).get('/v1/commissions/%00').expect(404);
      await world.as(people.observer).get('/v1/commissions/ab%E2%80%AEc').expect(404);
      // Percent-encoding that is not UTF-8 cannot be decoded at all: a malformed request.
      const undecodable = await world.as(people.observer).get('/v1/commissions/%ED%A0%80').expect(400);
      expect(undecodable.headers['content-type']).toMatch(PROBLEM);
    });

    it('refuses it in token claims with 401', async () => {
      const secret = loadConfig().auth.secret!;
      for (const claims of [
        { sub: 'officer\u0000one', roles: ['officer'] },
        { sub: 'officer.one', name: 'Olivia \ud800', roles: ['officer'] },
        { sub: 'x'.repeat(3_000), roles: ['officer'] },
      ]) {
        const res = await world.anonymous
          .get('/v1/commissions')
          .set('Authorization', `Bearer ${mintToken(secret, claims)}`)
          .expect(401);
        expect(res.body.detail).toMatch(/claim (sub|name)/);
      }
    });

    it('stores text normalised: NFC, trimmed, CRLF as LF, ids lower-cased', async () => {
      const res = await create({
        title: '  Cafe\u0301 study \n',
        panel: [{ ...person(people.chair), userId: ' Julian.Le-Grand ', chair: true }],
      }).expect(201);
      expect(res.body.title).toBe('Café study');
      expect(res.body.panel[0].userId).toBe('julian.le-grand');
      const c = { path: `/v1/commissions/${res.body.id}` };
      await world
        .as(people.officer)
        .put(`${c.path}/specification`, { content: '# A\r\n\r\nB\r\n' })
        .expect(200);
      const spec = await world.as(people.observer).get(`${c.path}/specification`).expect(200);
      expect(spec.body.content).toBe('# A\n\nB');
    });

    it('refuses blank titles and reasons, including invisible-only ones', async () => {
      expect(fields(await create({ title: '   ' }).expect(400))).toEqual(['title']);
      expect(fields(await create({ title: '\u200b\u2060' }).expect(400))).toEqual(['title']);
      const c = await drive(world).opened();
      await c.as(people.officer).post('/cancel', { reason: ' \u200b ' }).expect(400);
    });

    it('refuses panel ids equal but for case, or carrying an invisible character', async () => {
      const sameButCase = await create({
        panel: [person(people.wood), { ...person(people.trowler), userId: 'Alan.Wood' }],
      }).expect(400);
      expect(sameButCase.body.errors).toEqual([
        { field: 'signOffRule', message: 'each panel member appears once' },
      ]);
      const invisible = await create({
        panel: [person(people.wood), { ...person(people.trowler), userId: 'alan\u200b.wood' }],
      }).expect(400);
      expect(fields(invisible)).toEqual(['panel.1.userId']);
    });

    it('refuses over-long text per field kind', async () => {
      expect(fields(await create({ title: 't'.repeat(201) }).expect(400))).toEqual(['title']);
      expect(
        fields(await create({ panel: [{ ...person(people.wood), userId: 'a'.repeat(129) }] }).expect(400)),
      ).toEqual(['panel.0.userId']);
    });
  });

  describe('nested bodies, exactly (class 3)', () => {
    it.each([
      ['signOffRule: []', { signOffRule: [] }, 'signOffRule'],
      ['signOffRule: "unanimous"', { signOffRule: 'unanimous' }, 'signOffRule'],
      ['signOffRule: null', { signOffRule: null }, 'signOffRule'],
      ['an unknown mode', { signOffRule: { mode: 'constructor' } }, 'signOffRule.mode'],
      [
        'a quorum without its number',
        { signOffRule: { mode: 'quorum', chairRequired: true } },
        'signOffRule.quorum',
      ],
      [
        'a unanimous rule with a quorum',
        { signOffRule: { mode: 'unanimous', quorum: 2 } },
        'signOffRule.quorum',
      ],
      ['milestones: []', { milestones: [] }, 'milestones'],
      ['milestones: [{…}]', { milestones: [{ interimReportDueAt: '2027-06-30T17:00:00Z' }] }, 'milestones'],
      ['panel: {}', { panel: {} }, 'panel'],
      ['panel: [[]]', { panel: [[]] }, 'panel'],
      ['panel: [null]', { panel: [null] }, 'panel'],
      ['reminderPolicy: []', { reminderPolicy: [] }, 'reminderPolicy'],
      ['dependsOn: "x"', { dependsOn: 'x' }, 'dependsOn'],
    ])('refuses %s with 400', async (_, body, field) => {
      const res = await create(body).expect(400);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(fields(res)).toContain(field);
    });

    it('refuses a rule the panel cannot meet', async () => {
      const res = await world
        .as(people.officer)
        .post('/v1/commissions', CommissionFactory.withPanel(3).quorum(4, false).build())
        .expect(400);
      expect(res.body.errors).toEqual([
        { field: 'signOffRule', message: 'quorum must be between 1 and the panel size (3)' },
      ]);
    });
  });

  describe('bad input that once answered 500 (class 4)', () => {
    it('refuses an amount class-validator could not read (5e-324) with 400, not 500', async () => {
      for (const estimatedValue of [5e-324, 1e-7, 0.001, 1e21, -1]) {
        const res = await create({ estimatedValue }).expect(400);
        expect(res.body.errors).toEqual([
          {
            field: 'estimatedValue',
            message:
              'estimatedValue must be an amount in pounds from 0 to 1000000000000 with at most two decimals',
          },
        ]);
      }
      expect((await create({ estimatedValue: 98500.25 }).expect(201)).body.stage).toBe('drafting');
    });

    it('refuses tender criteria, a shortened period and scores that are not objects with 400, not 500', async () => {
      const id = (await create({}).expect(201)).body.id as string;
      const tender = { closesAt: '2031-01-10T12:00:00Z', clarificationsCloseAt: '2031-01-05T12:00:00Z' };
      const criterion = { name: 'Quality', kind: 'quality', weight: 100 };
      const bodies: [Record<string, unknown>, string][] = [
        [{ ...tender, criteria: [[]] }, 'criteria'],
        [{ ...tender, criteria: [null] }, 'criteria'],
        [{ ...tender, criteria: [criterion], shortenedPeriod: [] }, 'shortenedPeriod'],
      ];
      for (const [body, field] of bodies) {
        const res = await world.as(people.officer).post(`/v1/commissions/${id}/tender`, body).expect(400);
        expect(res.headers['content-type']).toMatch(PROBLEM);
        expect(fields(res)).toContain(field);
      }
      const score = await world
        .as(people.chair)
        .post(`/v1/commissions/${id}/evaluations`, { bidId: randomUUID(), scores: [[]] })
        .expect(400);
      expect(fields(score)).toContain('scores');
    });

    it('refuses an award rationale, a challenge and a score comment past the limits the workflow keeps, naming the field', async () => {
      const id = (await create({}).expect(201)).body.id as string;
      const officer = world.as(people.officer);
      const award = await officer
        .post(`/v1/commissions/${id}/award`, { bidId: randomUUID(), rationale: 'r'.repeat(2_001) })
        .expect(400);
      expect(fields(award)).toEqual(['rationale']);
      const challenge = await officer
        .post(`/v1/commissions/${id}/challenges`, { reason: 'r'.repeat(2_001) })
        .expect(400);
      expect(fields(challenge)).toEqual(['reason']);
      const score = await world
        .as(people.chair)
        .post(`/v1/commissions/${id}/evaluations`, {
          bidId: randomUUID(),
          scores: [{ criterion: 'Quality', score: 50, comment: 'c'.repeat(5_001) }],
        })
        .expect(400);
      expect(fields(score).join()).toContain('comment');
    });

    it('refuses a cursor whose time JavaScript reads but PostgreSQL does not', async () => {
      for (const createdAt of [
        '1',
        '2027-02-30T00:00:00Z',
        '+275760-09-13T00:00:00.000Z',
        'Tue, 1 Jun 2027',
      ]) {
        const cursor = Buffer.from(JSON.stringify({ createdAt, id: randomUUID() })).toString('base64url');
        const res = await world.as(people.observer).get(`/v1/commissions?cursor=${cursor}`).expect(400);
        expect(res.body.errors).toEqual([{ field: 'cursor', message: 'invalid cursor' }]);
      }
    });

    it('refuses deeply nested JSON with 400, however deep', async () => {
      for (const depth of [20, 10_000, 100_000]) {
        const res = await createRaw(`{"title":${'['.repeat(depth)}${']'.repeat(depth)}}`).expect(400);
        expect(res.headers['content-type']).toMatch(PROBLEM);
        expect(res.body.detail).toMatch(/nests arrays or objects deeper than 8 levels/);
      }
      const objects = await createRaw(`${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`).expect(400);
      expect(objects.headers['content-type']).toMatch(PROBLEM);
    });

    it('refuses a very long sub with 401 and a malformed Idempotency-Key with 400', async () => {
      const long = mintToken(loadConfig().auth.secret!, {
        sub: 'o'.repeat(3_000),
        roles: ['officer'],
        email: 'o@example.gov.uk',
      });
      await world.anonymous
        .post('/v1/commissions')
        .set('Authorization', `Bearer ${long}`)
        .set('Idempotency-Key', randomUUID())
        .send(CommissionFactory.withPanel().build())
        .expect(401);
      for (const key of ['k'.repeat(201), 'with space', 'semi;colon', '']) {
        const res = await world
          .as(people.officer)
          .post('/v1/commissions', CommissionFactory.withPanel().build(), key || undefined)
          .set('Idempotency-Key', key);
        expect(res.status).toBe(400);
        expect(res.headers['content-type']).toMatch(PROBLEM);
      }
    });

    it('answers a body that is not UTF-8 with 415', async () => {
      const res = await world.anonymous
        .post('/v1/commissions')
        .set('Authorization', `Bearer ${tokenFor(people.officer)}`)
        .set('content-type', 'application/json; charset=utf-16le')
        .send(Buffer.from(JSON.stringify({ title: 'x' }), 'utf16le'))
        .expect(415);
      expect(res.headers['content-type']).toMatch(PROBLEM);
    });
  });

  describe('floods (class 6)', () => {
    it(`caps reminders at ${REMINDER_LIMITS.offsets} per due date and observers at ${MEMBERSHIP_LIMITS.observers}`, async () => {
      const before = ['P6D', 'P5D', 'P4D', 'P3D', 'P2D', 'P1D'];
      expect(fields(await create({ reminderPolicy: { before, overdueEvery: 'P7D' } }).expect(400))).toEqual([
        'reminderPolicy.before',
      ]);
      const observers = Array.from({ length: MEMBERSHIP_LIMITS.observers + 1 }, (_, i) => ({
        userId: `observer.${i}`,
        name: `Observer ${i}`,
        email: `observer.${i}@example.gov.uk`,
      }));
      expect(fields(await create({ observers }).expect(400))).toEqual(['observers']);
    });

    it('refuses two reminders at the same time, however written', async () => {
      const res = await create({ reminderPolicy: { before: ['P7D', 'P1W'], overdueEvery: 'P7D' } }).expect(
        400,
      );
      expect(res.body.errors).toEqual([
        { field: 'reminderPolicy.before', message: 'P7D and P1W are the same time' },
      ]);
    });

    it('keeps second-scale policies outside production', async () => {
      await create({ reminderPolicy: { before: ['PT4S', 'PT2S'], overdueEvery: 'PT2S' } }).expect(201);
    });
  });

  describe('separation of duties (class 7)', () => {
    it('refuses a creating officer who sits on the panel, naming them', async () => {
      const officerOnPanel: TestUser = { ...people.officer, roles: ['officer', 'panel'] };
      const res = await world
        .as(officerOnPanel)
        .post(
          '/v1/commissions',
          CommissionFactory.withPanel(1)
            .with({ panel: [{ ...person(people.officer), userId: 'Officer.One', chair: true }] })
            .build(),
        )
        .expect(400);
      expect(res.body.errors).toEqual([
        {
          field: 'panel',
          message: 'officer.one cannot be both an officer of the commission and on its panel',
        },
      ]);
    });

    it('refuses a named officer who sits on the panel', async () => {
      const res = await create({ officers: [person(people.wood)] }).expect(400);
      expect(res.body.errors).toEqual([
        {
          field: 'officers',
          message: 'alan.wood cannot be both an officer of the commission and on its panel',
        },
      ]);
    });
  });

  describe('smaller (class 8)', () => {
    it('answers 404, not 409, for an upper-case or malformed id in a path', async () => {
      const c = await drive(world).opened().cancelled();
      const upper = c.id.toUpperCase();
      const res = await world.as(people.officer).post(`/v1/commissions/${upper}/cancel`, { reason: 'again' });
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      await world.as(people.officer).get(`/v1/commissions/${upper}`).expect(404);
      await world.as(people.officer).get(`/v1/commissions/${c.id}%20`).expect(404);
      await world.as(people.officer).post(`/v1/commissions/${c.id}/cancel`, { reason: 'again' }).expect(409);
    });

    it.each([
      ['2028-02-30T17:00:00Z', 'a day February does not have'],
      ['2027-09-30T24:00:00Z', 'hour 24'],
      ['2027-02-29T17:00:00Z', 'a leap day in a common year'],
      ['2027-09-31T17:00:00+01:00', 'the 31st of September'],
    ])('refuses the impossible date %s (%s) instead of rolling it over', async (at) => {
      const res = await create({
        milestones: { interimReportDueAt: at, finalReportDueAt: '2038-12-01T17:00:00Z' },
      }).expect(400);
      expect(fields(res)).toEqual(['milestones.interimReportDueAt']);
      const c = await drive(world).opened().drafted();
      const submit = await c.as(people.officer).post('/specification/submit', { respondBy: at }).expect(400);
      expect(fields(submit)).toEqual(['respondBy']);
      await c
        .as(people.officer)
        .post('/deadlines', { milestone: 'final-report', dueAt: at, reason: 'r' })
        .expect(400);
    });

    it('stores instants in UTC, whatever offset they were written with', async () => {
      const res = await create({
        milestones: {
          interimReportDueAt: '2038-06-30T17:00:00+01:00',
          finalReportDueAt: '2038-09-30T17:00:00.5-02:30',
        },
      }).expect(201);
      expect(res.body.milestones).toEqual({
        interimReportDueAt: '2038-06-30T16:00:00.000Z',
        finalReportDueAt: '2038-09-30T19:30:00.500Z',
      });
    });

    it.each([
      ['__proto__', '{"__proto__":{"admin":true},'],
      ['constructor', '{"constructor":{"prototype":{}},'],
      ['prototype', '{"prototype":1,'],
    ])('refuses %s as an unknown field', async (key, start) => {
      const body = JSON.stringify(CommissionFactory.withPanel().build()).slice(1);
      const res = await createRaw(start + body).expect(400);
      expect(res.body.errors).toEqual([{ field: key, message: `property ${key} should not exist` }]);
      const nested = JSON.stringify(
        CommissionFactory.withPanel()
          .with({
            milestones: {
              interimReportDueAt: '2038-06-30T17:00:00Z',
              finalReportDueAt: '2038-09-30T17:00:00Z',
            },
          })
          .build(),
      ).replace('"milestones":{', `"milestones":{"${key}":{},`);
      const deep = await createRaw(nested).expect(400);
      expect(deep.body.errors).toEqual([
        { field: `milestones.${key}`, message: `property ${key} should not exist` },
      ]);
    });

    it('still creates from a well-formed body after all that', async () => {
      const res = await create({ title: `Good ${randomUUID()}` }).expect(201);
      expect(res.body.stage).toBe('drafting');
    });
  });
});
