import { CommissionFactory, inOneHour } from './factories';
import { eventually } from './eventually';
import { people, type TestUser } from './people';
import { secondsFromNow } from './tender';
import type { World } from './world';

/*
 * Steps to the evaluation and award stages: a below-threshold commission (by its value) whose
 * panel signs off, a tender of seconds, bids from the given suppliers, and the close.
 */

export const AWARD_CRITERIA = [
  { name: 'Method', kind: 'quality', weight: 50 },
  { name: 'Team', kind: 'quality', weight: 20 },
  { name: 'Price', kind: 'price', weight: 30 },
];

export interface Evaluating {
  id: string;
  /** Bid ids by supplier user id. */
  bids: Record<string, string>;
  panel: TestUser[];
}

export async function evaluating(
  world: World,
  opts: {
    panel: 1 | 2 | 3;
    bids: [TestUser, number][];
    closesIn?: number;
    /** More fields of the commission (a reminder policy, observers). */
    commission?: Record<string, unknown>;
    /** More fields of the tender (an evaluation period). */
    tender?: Record<string, unknown>;
  },
): Promise<Evaluating> {
  const officer = world.as(people.officer);
  const panel = [people.chair, people.wood, people.trowler].slice(0, opts.panel);
  const created = await officer
    .post(
      '/v1/commissions',
      CommissionFactory.withPanel(opts.panel)
        .unanimous()
        .with({ estimatedValue: 50_000, ...opts.commission })
        .build(),
    )
    .expect(201);
  const id: string = created.body.id;
  const path = (sub: string) => `/v1/commissions/${id}${sub}`;
  await officer.put(path('/specification'), { content: '# Scope\n\nThe study.' }).expect(200);
  await officer.post(path('/specification/submit'), { respondBy: inOneHour() }).expect(200);
  for (const m of panel) {
    await world.as(m).post(path('/sign-offs'), { decision: 'approve', specificationVersion: 1 }).expect(200);
  }
  const closesIn = opts.closesIn ?? 6 + opts.bids.length;
  await officer
    .post(path('/tender'), {
      closesAt: secondsFromNow(closesIn),
      clarificationsCloseAt: secondsFromNow(closesIn - 1),
      criteria: AWARD_CRITERIA,
      ...opts.tender,
    })
    .expect(200);
  const bids: Record<string, string> = {};
  for (const [who, price] of opts.bids) {
    const res = await world
      .as(who)
      .post(path('/bids'), { price, proposal: `# ${who.name}\n\nOur method.` })
      .expect(201);
    bids[who.userId] = res.body.receipt.bidId;
  }
  await eventually(
    () => officer.get(path('')),
    (r) => r.body.stage === 'evaluation',
    30_000,
    'the tender to close',
  );
  return { id, bids, panel };
}

/** Scores one bid on both quality criteria. */
export const scoreBid = (
  world: World,
  id: string,
  who: TestUser,
  bidId: string,
  method: number,
  team: number,
) =>
  world.as(who).post(`/v1/commissions/${id}/evaluations`, {
    bidId,
    scores: [
      { criterion: 'Method', score: method, comment: `Method: ${method} from ${who.name}` },
      { criterion: 'Team', score: team, comment: `Team: ${team} from ${who.name}` },
    ],
  });
