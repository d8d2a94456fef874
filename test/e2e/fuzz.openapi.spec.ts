import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import request from 'supertest';
import { CommissionStateQuery, commissionWorkflowId } from '@app/contracts';
import { drive } from '../support/drive';
import { CommissionFactory } from '../support/factories';
import {
  NASTY_STRINGS,
  deeplyNested,
  encodeAll,
  nastyValue,
  placesIn,
  replaced,
  valid,
  type Hints,
  type OpenApiDocument,
  type Operation,
  type Parameter,
} from '../support/openapi-arbitraries';
import { people, tokenFor, type TestUser } from '../support/people';
import { startWorld, type World } from '../support/world';

/**
 * Fuzzing from the served OpenAPI document: for every operation, fast-check builds valid and
 * invalid bodies, queries, paths and headers, sent as every kind of caller. No answer may be a 5xx,
 * every error must be problem+json, and afterwards every commission's workflow state, audit history
 * and read model must agree.
 */

const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 2_100);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
const CONCURRENCY = 8;

const admin: TestUser = {
  userId: 'admin.one',
  name: 'Ada Admin',
  email: 'admin.one@example.gov.uk',
  roles: ['admin'],
};
const CALLERS: Record<string, string | null> = {
  ...Object.fromEntries(Object.entries(people).map(([k, u]) => [k, `Bearer ${tokenFor(u)}`])),
  admin: `Bearer ${tokenFor(admin)}`,
  anonymous: null,
  forged: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4Iiwicm9sZXMiOlsib2ZmaWNlciJdfQ.c2lnbmF0dXJl',
  garbage: `Bearer ${'A'.repeat(9_000)}`,
};

/** Members of the seeded commissions call more often, so that accepted commands are common too. */
const callerArbitrary = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('officer', 'officer', 'otherOfficer', 'chair', 'wood', 'trowler') },
  { weight: 4, arbitrary: fc.constantFrom(...Object.keys(CALLERS)) },
);

type PathValue = { pool: number } | { upper: number } | { raw: string };
type BodyValue = { json: unknown } | { raw: string; contentType: string };

interface Plan {
  method: string;
  template: string;
  caller: string;
  path: Record<string, PathValue>;
  query: [string, string][];
  body?: BodyValue;
  headers: Record<string, string>;
}

const cast = Object.values(people);
const member = fc.record({
  userId: fc.constantFrom(...cast.map((u) => u.userId)),
  name: fc.constantFrom(...cast.map((u) => u.name)),
  email: fc.constantFrom(...cast.map((u) => u.email)),
  chair: fc.boolean(),
});
const instant = fc
  .tuple(
    fc.integer({ min: -2 * 86_400_000, max: 600 * 86_400_000 }),
    fc.constantFrom('Z', '+01:00', '-05:00'),
  )
  .map(([ms, offset]) => {
    const iso = new Date(Date.now() + ms).toISOString();
    return offset === 'Z' ? iso : iso.replace('Z', offset);
  });

const person = (u: TestUser) => ({ userId: u.userId, name: u.name, email: u.email });
const seat = (u: TestUser, chair = false) => ({ userId: u.userId, name: u.name, email: u.email, chair });

/** Where a schema alone gives values no commission would have, the domain's own. */
function hints(pool: readonly string[]): Hints {
  return {
    byName: {
      userId: fc.constantFrom(...cast.map((u) => u.userId), admin.userId),
      email: fc.constantFrom(...cast.map((u) => u.email)),
      panel: fc.oneof(
        fc.constant([seat(people.chair, true), seat(people.wood), seat(people.trowler)]),
        fc.constant([seat(people.wood)]),
        fc.array(member, { minLength: 1, maxLength: 4 }),
      ),
      officers: fc.constantFrom([], [person(people.otherOfficer)]),
      observers: fc.constantFrom([], [person(people.observer)]),
      signOffRule: fc.oneof(
        fc.constant({ mode: 'unanimous' }),
        fc.record({
          mode: fc.constant('quorum'),
          quorum: fc.integer({ min: 1, max: 3 }),
          chairRequired: fc.boolean(),
        }),
      ),
      milestones: fc
        .tuple(fc.integer({ min: 1, max: 300 }), fc.integer({ min: -10, max: 300 }))
        .map(([interim, gap]) => ({
          interimReportDueAt: new Date(Date.now() + interim * 86_400_000).toISOString(),
          finalReportDueAt: new Date(Date.now() + (interim + gap) * 86_400_000).toISOString(),
        })),
      programmeId: fc.constantFrom('fuzz-programme', 'birmingham'),
      before: fc.subarray(['P14D', 'P7D', 'P1D', 'PT1H', 'PT5S']),
      overdueEvery: fc.constantFrom('P7D', 'P1D', 'PT5S'),
      // The supplier's delivery time (timeline): whole days or weeks, the interim before the final.
      deliveryPlan: fc.constantFrom(
        { toInterim: 'P8W', toFinal: 'P16W' },
        { toInterim: 'P30D', toFinal: 'P20D' },
      ),
      specificationVersion: fc.integer({ min: 1, max: 4 }),
      quorum: fc.integer({ min: 1, max: 4 }),
      respondBy: instant,
      dueAt: instant,
      interimReportDueAt: instant,
      finalReportDueAt: instant,
      commissionId: fc.oneof(fc.constantFrom(...pool), fc.uuid()),
    },
  };
}

/** Header values Node's client will put on the wire (visible Latin-1), including hostile ones. */
const headerText = fc.oneof(
  fc.string({
    unit: fc
      .integer({ min: 0x20, max: 0xff })
      .filter((c) => c !== 0x7f)
      .map((c) => String.fromCharCode(c)),
    maxLength: 40,
  }),
  fc.constantFrom('k'.repeat(500), 'with space', '../x', 'é', ''),
);

function pathArbitrary(p: Parameter): fc.Arbitrary<PathValue> {
  if (p.name === 'version') {
    return fc
      .constantFrom('1', '2', '3', '0', '-1', '1.5', '99999999999999999999', 'abc', 'A')
      .map((raw) => ({ raw }));
  }
  return fc.oneof(
    { weight: 10, arbitrary: fc.nat().map((pool) => ({ pool })) },
    { weight: 1, arbitrary: fc.nat().map((upper) => ({ upper })) },
    { weight: 1, arbitrary: fc.uuid().map((raw) => ({ raw })) },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom(...NASTY_STRINGS.filter((s) => s.length < 3_000))
        .map((s) => ({ raw: encodeAll(s) || '%20' })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom('%ED%A0%80', '%C0%AF', '%', '..', 'A'.repeat(2_000)).map((raw) => ({ raw })),
    },
  );
}

function queryArbitrary(
  doc: OpenApiDocument,
  params: Parameter[],
  h: Hints,
): fc.Arbitrary<[string, string][]> {
  const one = (p: Parameter) =>
    fc
      .oneof(
        { weight: 3, arbitrary: valid(doc, p.schema ?? {}, h, p.name) },
        { weight: 2, arbitrary: nastyValue },
      )
      .map((v): [string, string] => [p.name, typeof v === 'string' ? v : (JSON.stringify(v) ?? '')]);
  return fc
    .tuple(
      ...params.map((p) => fc.option(one(p), { freq: 2 })),
      fc.option(fc.tuple(fc.constantFrom('unknown', '__proto__', 'limit'), fc.constantFrom('1', '', 'x')), {
        freq: 5,
      }),
    )
    .map((pairs) => pairs.filter((x): x is [string, string] => x !== null));
}

function bodyArbitrary(doc: OpenApiDocument, op: Operation, h: Hints): fc.Arbitrary<BodyValue> | null {
  const schema = op.requestBody?.content['application/json']?.schema;
  if (!schema) return null;
  const good = valid(doc, schema, h);
  const damaged = good.chain((v) => {
    const places = placesIn(v);
    const extra: (string | number)[] = ['unexpected'];
    const where = places.length
      ? fc.oneof(fc.constantFrom(...places), fc.constant(extra))
      : fc.constant(extra);
    return fc.tuple(where, nastyValue).map(([path, bad]) => replaced(v, path, bad));
  });
  const raw = fc.constantFrom<BodyValue>(
    { raw: '{"title": ', contentType: 'application/json' },
    { raw: `{"a":${'['.repeat(20_000)}${']'.repeat(20_000)}}`, contentType: 'application/json' },
    { raw: JSON.stringify({ a: deeplyNested(9, false) }), contentType: 'application/json' },
    { raw: '{"title":"x"}', contentType: 'text/plain' },
    { raw: '{"title":"x"}', contentType: 'application/json; charset=utf-16' },
    { raw: 'null', contentType: 'application/json' },
    { raw: '"just a string"', contentType: 'application/json' },
    { raw: '{"__proto__":{"isAdmin":true}}', contentType: 'application/json' },
    { raw: `{"description":"${'z'.repeat(300_000)}"}`, contentType: 'application/json' },
  );
  return fc.oneof(
    { weight: 5, arbitrary: good.map((json) => ({ json })) },
    { weight: 4, arbitrary: damaged.map((json) => ({ json })) },
    { weight: 1, arbitrary: nastyValue.map((json) => ({ json })) },
    { weight: 1, arbitrary: raw },
  );
}

function planArbitrary(
  doc: OpenApiDocument,
  method: string,
  template: string,
  op: Operation,
  h: Hints,
): fc.Arbitrary<Plan> {
  const params = op.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const path = fc.record(Object.fromEntries(pathParams.map((p) => [p.name, pathArbitrary(p)])));
  const body = bodyArbitrary(doc, op, h);
  const idempotency = fc.oneof(
    { weight: 4, arbitrary: fc.constant(undefined) },
    { weight: 3, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: fc.constantFrom('fuzz-key-1', 'fuzz-key-2') },
    { weight: 1, arbitrary: headerText },
  );
  return fc.record({
    method: fc.constant(method),
    template: fc.constant(template),
    caller: callerArbitrary,
    path,
    query: queryArbitrary(
      doc,
      params.filter((p) => p.in === 'query'),
      h,
    ),
    body: body ?? fc.constant(undefined),
    headers: fc
      .record(
        {
          'Idempotency-Key': method === 'post' ? idempotency : fc.constant(undefined),
          'X-Request-Id': fc.option(headerText, { freq: 4 }),
        },
        { requiredKeys: [] },
      )
      .map(
        (h) =>
          Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined && v !== null)) as Record<
            string,
            string
          >,
      ),
  });
}

describe('fuzzing every operation of the served OpenAPI document', () => {
  let world: World;
  let http: ReturnType<typeof request>;
  const saved = process.env.RATE_LIMIT_REQUESTS;
  const pool: string[] = [];

  beforeAll(async () => {
    // This suite is one caller sending thousands of requests on purpose; rate-limit.spec tests 429.
    process.env.RATE_LIMIT_REQUESTS = '1000000';
    world = await startWorld();
    await world.app.listen(0, '127.0.0.1');
    http = request(`http://127.0.0.1:${(world.app.getHttpServer().address() as AddressInfo).port}`);
    const quorum = CommissionFactory.withPanel(3).quorum(2, true);
    for (const scenario of [
      drive(world).opened().drafted(),
      drive(world).opened(),
      drive(world).opened().submitted(),
      drive(world).opened({ factory: quorum }).submitted(),
      drive(world).opened().submitted().signedOff(),
      drive(world).opened().cancelled(),
      // In delivery, so the report commands are tried where they can be accepted too.
      drive(world)
        .opened({ factory: CommissionFactory.withPanel(3).unanimous().with({ estimatedValue: 50_000 }) })
        .submitted()
        .signedOff()
        .tendered({ closesIn: 5 })
        .closed([[people.supplier, 900]])
        .inDelivery(),
    ]) {
      pool.push((await scenario).id);
    }
  }, 120_000);
  afterAll(async () => {
    await world.stop();
    if (saved === undefined) delete process.env.RATE_LIMIT_REQUESTS;
    else process.env.RATE_LIMIT_REQUESTS = saved;
  });

  function urlOf(plan: Plan): string {
    let url = plan.template;
    for (const [name, v] of Object.entries(plan.path)) {
      const id =
        'pool' in v
          ? pool[v.pool % pool.length]
          : 'upper' in v
            ? pool[v.upper % pool.length].toUpperCase()
            : v.raw;
      url = url.replace(`{${name}}`, id);
    }
    const query = plan.query.map(([k, v]) => `${encodeAll(k)}=${encodeAll(v)}`).join('&');
    return query ? `${url}?${query}` : url;
  }

  async function send(plan: Plan): Promise<request.Response> {
    let req = http[plan.method as 'get' | 'post' | 'put'](urlOf(plan)).timeout(30_000);
    const auth = CALLERS[plan.caller];
    if (auth) req = req.set('Authorization', auth);
    for (const [k, v] of Object.entries(plan.headers)) req = req.set(k, v);
    if (plan.body && 'json' in plan.body) {
      req = req.set('content-type', 'application/json').send(JSON.stringify(plan.body.json) ?? 'null');
    } else if (plan.body) {
      req = req.set('content-type', plan.body.contentType).send(plan.body.raw);
    }
    return req;
  }

  it('answers no 5xx and problem+json on every 4xx; afterwards every commission agrees with itself', async () => {
    const started = Date.now();
    const doc = (await http.get('/v1/openapi.json').expect(200)).body as OpenApiDocument;
    const operations = Object.entries(doc.paths).flatMap(([template, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ method, template, op })),
    );
    expect(operations.length).toBeGreaterThanOrEqual(14);
    const perOperation = Math.ceil(REQUESTS / operations.length);
    const plans = fc.sample(
      fc.shuffledSubarray(
        operations.flatMap(({ method, template, op }) =>
          fc.sample(planArbitrary(doc, method, template, op, hints(pool)), {
            numRuns: perOperation,
            seed: SEED,
          }),
        ),
        { minLength: perOperation * operations.length },
      ),
      { numRuns: 1, seed: SEED },
    )[0];

    const statuses = new Map<number, number>();
    const failures: string[] = [];
    let sent = 0;
    let serverErrors = 0;
    const show = (plan: Plan, res?: request.Response) =>
      `${plan.method.toUpperCase()} ${urlOf(plan).slice(0, 200)} as ${plan.caller} body=${JSON.stringify(plan.body)?.slice(0, 300)} → ${res?.status} ${JSON.stringify(res?.body)?.slice(0, 300)}`;

    async function worker(queue: Plan[]) {
      for (let plan = queue.shift(); plan; plan = queue.shift()) {
        let res: request.Response;
        try {
          res = await send(plan);
        } catch (err) {
          failures.push(`no answer (${(err as Error).message}): ${show(plan)}`);
          continue;
        } finally {
          sent++;
        }
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 500) {
          serverErrors++;
          failures.push(`5xx: ${show(plan, res)}`);
        } else if (res.status >= 400) {
          const body = res.body as { status?: unknown; title?: unknown; type?: unknown; detail?: unknown };
          const wellFormed =
            /^application\/problem\+json/.test(res.headers['content-type'] ?? '') &&
            body.status === res.status &&
            typeof body.title === 'string' &&
            typeof body.type === 'string' &&
            typeof body.detail === 'string';
          if (!wellFormed) failures.push(`not problem+json: ${show(plan, res)}`);
        } else if (plan.method === 'post' && plan.template === '/v1/commissions' && res.status === 201) {
          if (!pool.includes(res.body.id)) pool.push(res.body.id);
        }
      }
    }
    const queue = [...plans];
    await Promise.all(Array.from({ length: CONCURRENCY }, () => worker(queue)));
    const fuzzSeconds = (Date.now() - started) / 1000;

    // Every commission touched: the workflow, its audit history and the read model agree.
    const disagreements: string[] = [];
    for (const id of pool) {
      const state = await world.client.workflow
        .getHandle(commissionWorkflowId(id))
        .query(CommissionStateQuery);
      const api = await world.as(people.observer).get(`/v1/commissions/${id}`);
      const history = await world.as(people.observer).get(`/v1/commissions/${id}/history`);
      const [row] = await world.ds.query('SELECT version, stage FROM commissions WHERE id = $1', [id]);
      const seqs = (history.body.events ?? []).map((e: { seq: number }) => e.seq);
      const expected = Array.from({ length: state.version }, (_, i) => i + 1);
      const agree =
        api.status === 200 &&
        api.body.version === state.version &&
        history.body.version === state.version &&
        JSON.stringify(seqs) === JSON.stringify(expected) &&
        row?.version === state.version &&
        row?.stage === state.stage;
      if (!agree) {
        disagreements.push(
          `${id}: workflow v${state.version} ${state.stage}, API ${api.status} v${api.body.version}, read model v${row?.version} ${row?.stage}, audit ${JSON.stringify(seqs)}`,
        );
      }
    }

    console.log(
      [
        `fuzz seed ${SEED}: ${sent} requests over ${operations.length} operations in ${fuzzSeconds.toFixed(1)} s`,
        `5xx: ${serverErrors}; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`,
        `commissions compared: ${pool.length}, disagreeing: ${disagreements.length}`,
      ].join('\n'),
    );
    expect(sent).toBeGreaterThanOrEqual(2_000);
    expect(failures.slice(0, 20)).toEqual([]);
    expect(disagreements).toEqual([]);
    expect(pool.length).toBeGreaterThan(6);
  }, 240_000);

  it('leaves every open commission it touched able to take a good command: its cancellation', async () => {
    let cancelled = 0;
    for (const id of pool) {
      const view = (await world.as(people.observer).get(`/v1/commissions/${id}`).expect(200)).body;
      if (view.stage === 'cancelled') continue;
      const officer = Object.values(people).find((u) => u.userId === view.officers[0].userId)!;
      const res = await world.as(officer).post(`/v1/commissions/${id}/cancel`, { reason: 'After fuzzing' });
      expect({ id, status: res.status }).toEqual({ id, status: 200 });
      // Cancelling an earlier commission in the pool can tell this one, between the read and the
      // cancel, that its dependency will never be met: the cancellation is the last event, not
      // necessarily the next one.
      const history = (await world.as(people.observer).get(`/v1/commissions/${id}/history`).expect(200)).body;
      const last = history.events[history.events.length - 1];
      expect({ id, action: last.action, seq: last.seq }).toEqual({
        id,
        action: 'commission-cancelled',
        seq: res.body.version,
      });
      expect(res.body.version).toBeGreaterThan(view.version);
      cancelled++;
    }
    expect(cancelled).toBeGreaterThan(0);
  });
});
