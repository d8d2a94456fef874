import type request from 'supertest';
import type { Action, CommissionView } from '@app/contracts';
import { AWARD_CRITERIA } from './award';
import { eventually } from './eventually';
import { CommissionFactory, inOneHour } from './factories';
import { people, type TestUser } from './people';
import type { Caller, World } from './world';

/** A commission driven to some stage, with callers that speak about it. */
export interface Driven {
  id: string;
  /** `/v1/commissions/<id>` followed by `sub`, e.g. `path('/history')`. */
  path(sub?: string): string;
  /** A caller whose paths are relative to this commission: `as(people.wood).post('/sign-offs', …)`. */
  as(user: TestUser): Caller;
  /** The commission as an observer sees it now. */
  view(): Promise<CommissionBody>;
}

/** GET /v1/commissions/:id as a non-supplier sees it. */
export type CommissionBody = CommissionView & { allowedActions: Action[] };

export interface OpenOptions {
  factory?: CommissionFactory;
  by?: TestUser;
}

type Step = (world: World, ctx: { id?: string }) => Promise<void>;

const CAST: readonly TestUser[] = Object.values(people);

function expectStatus(res: request.Response, status: number, what: string): void {
  if (res.status !== status) {
    throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
  }
}

function driven(world: World, id: string): Driven {
  const path = (sub = '') => `/v1/commissions/${id}${sub}`;
  return {
    id,
    path,
    as(user) {
      const caller = world.as(user);
      return {
        get: (sub) => caller.get(path(sub)),
        post: (sub, body, key) => caller.post(path(sub), body, key),
        put: (sub, body) => caller.put(path(sub), body),
      };
    },
    async view() {
      const res = await world.as(people.observer).get(path());
      expectStatus(res, 200, `GET ${path()}`);
      return res.body as CommissionBody;
    },
  };
}

/**
 * Drives one commission through its stages with the real API, step by step:
 * `await drive(world).opened().submitted().signedOff()` resolves to the commission, with callers.
 * Each step returns a new scenario, so a shared prefix can be kept and extended; nothing runs
 * until the scenario is awaited. Later stages add a method each.
 */
export class Scenario implements PromiseLike<Driven> {
  constructor(
    private readonly world: World,
    private readonly steps: readonly Step[] = [],
  ) {}

  private step(step: Step): Scenario {
    return new Scenario(this.world, [...this.steps, step]);
  }

  /** A commission that already exists, to drive further from where it stands. */
  resume(id: string): Scenario {
    return this.step(async (_world, ctx) => {
      ctx.id = id;
    });
  }

  /** Created by the officer (or `by`) in `drafting`; the letter's panel of three, unanimous. */
  opened(opts: OpenOptions = {}): Scenario {
    return this.step(async (world, ctx) => {
      const body = (opts.factory ?? CommissionFactory.withPanel(3).unanimous()).build();
      const res = await world.as(opts.by ?? people.officer).post('/v1/commissions', body);
      expectStatus(res, 201, 'open a commission');
      ctx.id = res.body.id;
    });
  }

  /** A new specification version written by the officer (or `by`); the stage stays `drafting`. */
  drafted(opts: { content?: string; by?: TestUser } = {}): Scenario {
    return this.step(async (world, ctx) => {
      const res = await driven(world, ctx.id!)
        .as(opts.by ?? people.officer)
        .put('/specification', { content: opts.content ?? `# Scope\n\nDraft ${Date.now()}.` });
      expectStatus(res, 200, 'edit the specification');
    });
  }

  /** A specification written (unless one is) and submitted: `panel-review`. */
  submitted(opts: { respondBy?: string; by?: TestUser } = {}): Scenario {
    return this.step(async (world, ctx) => {
      const c = driven(world, ctx.id!);
      const by = c.as(opts.by ?? people.officer);
      if ((await c.view()).specification.currentVersion === null) {
        expectStatus(await by.put('/specification', { content: '# Scope\n\nDriven draft.' }), 200, 'edit');
      }
      const res = await by.post('/specification/submit', { respondBy: opts.respondBy ?? inOneHour() });
      expectStatus(res, 200, 'submit');
    });
  }

  /** Every panel member approves the version under review until the rule is met: `signed-off`. */
  signedOff(): Scenario {
    return this.step(async (world, ctx) => {
      const c = driven(world, ctx.id!);
      const view = await c.view();
      const version = view.specification.currentVersion;
      for (const seat of view.panel) {
        if ((await c.view()).stage !== 'panel-review') break;
        const member = CAST.find((u) => u.userId === seat.userId);
        if (!member) throw new Error(`no test user for panel member ${seat.userId}`);
        const res = await c
          .as(member)
          .post('/sign-offs', { decision: 'approve', specificationVersion: version });
        expectStatus(res, 200, `sign-off by ${member.userId}`);
      }
      const stage = (await c.view()).stage;
      if (stage !== 'signed-off') throw new Error(`expected signed-off after every approval, got ${stage}`);
    });
  }

  /**
   * The tender published by the officer, closing in `closesIn` seconds: `tendering`. Needs a
   * below-threshold commission (e.g. `opened({ factory: ….with({ estimatedValue: 50_000 }) })`),
   * as the law's periods are days long.
   */
  tendered(opts: { closesIn?: number } = {}): Scenario {
    const closesIn = opts.closesIn ?? 10;
    return this.step(async (world, ctx) => {
      const at = (s: number) => new Date(Date.now() + s * 1000).toISOString();
      const res = await driven(world, ctx.id!)
        .as(people.officer)
        .post('/tender', {
          closesAt: at(closesIn),
          clarificationsCloseAt: at(closesIn - 1),
          criteria: AWARD_CRITERIA,
        });
      expectStatus(res, 200, 'publish the tender');
    });
  }

  /** A bid from each supplier at its price, then the close by itself: `evaluation`. */
  closed(bids: readonly (readonly [TestUser, number])[]): Scenario {
    return this.step(async (world, ctx) => {
      const c = driven(world, ctx.id!);
      for (const [who, price] of bids) {
        const res = await c.as(who).post('/bids', { price, proposal: `# ${who.name}\n\nOur method.` });
        expectStatus(res, 201, `bid by ${who.userId}`);
      }
      await eventually(
        () => c.view(),
        (v) => v.stage !== 'tendering',
        60_000,
        'the tender to close',
      );
      const stage = (await c.view()).stage;
      if (stage !== 'evaluation') throw new Error(`expected evaluation after the close, got ${stage}`);
    });
  }

  /**
   * Every panel member not conflicted scores every bid 60 on each quality criterion, and the officer
   * awards the top-ranked bid: `standstill` (or `in-delivery` at once with no standstill).
   */
  awarded(opts: { voluntaryStandstill?: string } = {}): Scenario {
    return this.step(async (world, ctx) => {
      const c = driven(world, ctx.id!);
      const view = await c.view();
      const quality = (view.tender?.criteria ?? []).filter((x) => x.kind === 'quality');
      const current = (view.bids?.receipts ?? []).filter((b) => b.status === 'current');
      for (const seat of view.panel) {
        const member = CAST.find((u) => u.userId === seat.userId)!;
        for (const bid of current) {
          const res = await c.as(member).post('/evaluations', {
            bidId: bid.bidId,
            scores: quality.map((q) => ({ criterion: q.name, score: 60, comment: 'Driven score.' })),
          });
          if (res.status !== 403) expectStatus(res, 200, `score by ${member.userId}`);
        }
      }
      const evaluation = await c.as(people.officer).get('/evaluation');
      expectStatus(evaluation, 200, 'read the evaluation');
      const res = await c.as(people.officer).post('/award', {
        bidId: evaluation.body.evaluation.bids[0].bidId,
        rationale: 'Driven: the top-ranked bid.',
        ...(opts.voluntaryStandstill ? { voluntaryStandstill: opts.voluntaryStandstill } : {}),
      });
      expectStatus(res, 200, 'award');
    });
  }

  /**
   * Awarded (as `awarded`) with a voluntary standstill of seconds, then the contract entered into by
   * itself at its end: `in-delivery`. Needs a below-threshold commission, like `tendered`.
   */
  inDelivery(opts: { voluntaryStandstill?: string } = {}): Scenario {
    return this.awarded({ voluntaryStandstill: opts.voluntaryStandstill ?? 'PT2S' }).step(
      async (world, ctx) => {
        const c = driven(world, ctx.id!);
        await eventually(
          () => c.view(),
          (v) => v.stage === 'in-delivery',
          30_000,
          'the standstill to end and the contract to be entered into',
        );
      },
    );
  }

  /**
   * From `in-delivery`: the contracted supplier submits the interim and the final report, and the
   * officer accepts each in turn (a report already accepted is left as it is): `completed`.
   */
  completed(): Scenario {
    return this.step(async (world, ctx) => {
      const c = driven(world, ctx.id!);
      const view = await c.view();
      const supplier = CAST.find((u) => u.userId === view.contract?.supplier.userId);
      if (!supplier) throw new Error(`no test user for the contracted supplier of ${ctx.id}`);
      // The final report completes the commission, so the contract details notice comes first.
      const notice = view.deadlines?.find(
        (d) => d.milestone === 'contract-notice' && d.closedReason === null,
      );
      if (notice)
        expectStatus(await c.as(people.officer).post('/contract/notice'), 200, 'publish the notice');
      for (const kind of ['interim', 'final'] as const) {
        if (view.reports?.some((r) => r.kind === kind && r.status === 'accepted')) continue;
        const sent = await c
          .as(supplier)
          .post('/reports', { kind, content: `# The ${kind} report\n\nDriven.` });
        expectStatus(sent, 201, `submit the ${kind} report`);
        const review = await c
          .as(people.officer)
          .post(`/reports/${sent.body.report.reportId}/review`, { decision: 'accept' });
        expectStatus(review, 200, `accept the ${kind} report`);
      }
      const stage = (await c.view()).stage;
      if (stage !== 'completed') throw new Error(`expected completed after the final report, got ${stage}`);
    });
  }

  /** Cancelled by the officer (or `by`), with a reason: `cancelled`. */
  cancelled(opts: { reason?: string; by?: TestUser } = {}): Scenario {
    return this.step(async (world, ctx) => {
      const res = await driven(world, ctx.id!)
        .as(opts.by ?? people.officer)
        .post('/cancel', { reason: opts.reason ?? 'Driven to cancellation' });
      expectStatus(res, 200, 'cancel');
    });
  }

  then<A = Driven, B = never>(
    onfulfilled?: ((value: Driven) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): PromiseLike<A | B> {
    return this.run().then(onfulfilled, onrejected);
  }

  private async run(): Promise<Driven> {
    const ctx: { id?: string } = {};
    for (const step of this.steps) await step(this.world, ctx);
    if (!ctx.id) throw new Error('a scenario starts with opened()');
    return driven(this.world, ctx.id);
  }
}

export function drive(world: World): Scenario {
  return new Scenario(world);
}
