import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import { call, newCommission, type BenchCast } from './people';
import { RawClosedQuery, RawStepUpdate, rawLifecycleWorkflow } from './raw/workflow';
import { timed, type Samples } from './stats';
import { RAW_TASK_QUEUE, type System } from './system';

/** How far each lifecycle goes: the panel's sign-off, or on through tender, evaluation and award. */
export const THROUGH = ['sign-off', 'award'] as const;
export type Through = (typeof THROUGH)[number];

/** The round-trips of one lifecycle, named for the product's actions; raw makes the same ones. */
const SIGN_OFF_ACTIONS = ['create', 'specification', 'submit', 'approve-1', 'approve-2'];
/** After the sign-off: publish the tender, a bid from each supplier, the close, a score from each
 * panel member for each bid, the award. */
const AWARD_ACTIONS = [...SIGN_OFF_ACTIONS, 'publish', 'bid', 'score', 'award'];

export const actionsThrough = (through: Through): string[] =>
  through === 'award' ? AWARD_ACTIONS : SIGN_OFF_ACTIONS;

export interface LifecycleOptions {
  through: Through;
  /** Seconds from publishing the tender to its close (through the award); read as each lifecycle
   * publishes, so the warm-up can lengthen it for the rounds (close-time.ts). */
  closeAfter: number;
  idempotencyKeys: boolean;
}

export type Lifecycle = (i: number, samples: Samples) => Promise<void>;

const PANEL_SIZE = 2;
/** Quality scores per bid, the second bid also the cheaper: it ranks first, and is awarded. */
const QUALITY = [60, 80];
const PRICES = [48_000, 45_500];
const CRITERIA = [
  { name: 'Quality', kind: 'quality', weight: 70 },
  { name: 'Price', kind: 'price', weight: 30 },
];

/** What the close's wait is reported as: from its due time until the client sees it closed. */
const CLOSE_SEEN = 'close seen after its time';
/** From fixing the close (just before publishing) to the last bid's answer: it must fit before it. */
export const BIDDING_SPAN = 'publish to the last bid';

/**
 * Waits out the close, untimed as an action: asleep until it is due, then asking every 100 ms. How
 * long after its time the client saw it closed is kept as a wait of its own (CLOSE_SEEN): the
 * timer's firing, the task that closes, the opening of the bids, and up to 100 ms of asking.
 */
async function untilClosed(
  samples: Samples,
  closesAt: number,
  closed: () => Promise<boolean>,
): Promise<void> {
  await sleep(Math.max(0, closesAt - Date.now()));
  const giveUp = Date.now() + 60_000;
  while (!(await closed())) {
    if (Date.now() > giveUp) throw new Error('the tender did not close within a minute of its time');
    await sleep(100);
  }
  samples.addWait(CLOSE_SEEN, Date.now() - closesAt);
}

/** Through the HTTP API, as officers, panel members and suppliers would. */
export function productLifecycle(system: System, cast: BenchCast, opts: LifecycleOptions): Lifecycle {
  const api = system.api;
  const keyed = (): Record<string, string> =>
    opts.idempotencyKeys ? { 'Idempotency-Key': randomUUID() } : {};
  const respondBy = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const o = cast.officer.token;
  return async (i, samples) => {
    // Through the award, below the threshold by its value: no minimum tender period, so it can
    // close in seconds, and no standstill unless one is asked for.
    const extra = opts.through === 'award' ? { estimatedValue: 50_000 } : {};
    const created = await timed(samples, 'create', () =>
      call(
        api,
        o,
        'POST',
        '/commissions',
        newCommission(cast, `Benchmark lifecycle ${i + 1}`, extra),
        keyed(),
      ),
    );
    const id = String(created.id);
    const path = (sub: string) => `/commissions/${id}${sub}`;
    await timed(samples, 'specification', () =>
      call(api, o, 'PUT', path('/specification'), { content: '# Scope\n\nBenchmark' }),
    );
    await timed(samples, 'submit', () =>
      call(api, o, 'POST', path('/specification/submit'), { respondBy }, keyed()),
    );
    const approve = { decision: 'approve', specificationVersion: 1 };
    await timed(samples, 'approve-1', () =>
      call(api, cast.member.token, 'POST', path('/sign-offs'), approve, keyed()),
    );
    const signedOff = await timed(samples, 'approve-2', () =>
      call(api, cast.chair.token, 'POST', path('/sign-offs'), approve, keyed()),
    );
    if (signedOff.stage !== 'signed-off')
      throw new Error(`lifecycle reached ${String(signedOff.stage)}, not signed-off`);
    if (opts.through === 'sign-off') return;

    const openedAt = Date.now();
    const closesAt = openedAt + opts.closeAfter * 1000;
    const tender = {
      closesAt: new Date(closesAt).toISOString(),
      clarificationsCloseAt: new Date(closesAt - 1000).toISOString(),
      criteria: CRITERIA,
    };
    await timed(samples, 'publish', () => call(api, o, 'POST', path('/tender'), tender, keyed()));
    const bids: string[] = [];
    for (const [n, supplier] of cast.suppliers.entries()) {
      const bid = { price: PRICES[n], proposal: `# ${supplier.name}\n\nOur method.` };
      const answer = await timed(samples, 'bid', () =>
        call<{ receipt: { bidId: string } }>(api, supplier.token, 'POST', path('/bids'), bid, keyed()),
      );
      bids.push(answer.receipt.bidId);
    }
    samples.addWait(BIDDING_SPAN, Date.now() - openedAt);
    await untilClosed(
      samples,
      closesAt,
      async () => (await call(api, o, 'GET', path(''))).stage === 'evaluation',
    );
    for (const member of [cast.chair, cast.member]) {
      for (const [n, bidId] of bids.entries()) {
        const scores = [{ criterion: 'Quality', score: QUALITY[n], comment: 'Scored by the bench' }];
        await timed(samples, 'score', () =>
          call(api, member.token, 'POST', path('/evaluations'), { bidId, scores }, keyed()),
        );
      }
    }
    const award = { bidId: bids[1], rationale: 'The highest total' };
    const awarded = await timed(samples, 'award', () => call(api, o, 'POST', path('/award'), award, keyed()));
    if (awarded.stage !== 'standstill' && awarded.stage !== 'in-delivery')
      throw new Error(`the award left the commission in ${String(awarded.stage)}`);
  };
}

/** The same round-trips with a raw client: update-with-start, then an update per action. */
export function rawLifecycle(client: Client, suppliers: number, opts: LifecycleOptions): Lifecycle {
  const run = randomUUID().slice(0, 8);
  const steps =
    opts.through === 'award'
      ? SIGN_OFF_ACTIONS.length + 1 + suppliers + PANEL_SIZE * suppliers + 1
      : SIGN_OFF_ACTIONS.length;
  return async (i, samples) => {
    const workflowId = `bench-raw-${run}-${i}-${randomUUID()}`;
    const start = new WithStartWorkflowOperation(rawLifecycleWorkflow, {
      workflowId,
      taskQueue: RAW_TASK_QUEUE,
      args: [steps],
      workflowIdConflictPolicy: 'FAIL',
    });
    await timed(samples, 'create', () =>
      client.workflow.executeUpdateWithStart(RawStepUpdate, {
        args: ['create'],
        startWorkflowOperation: start,
      }),
    );
    const handle = client.workflow.getHandle(workflowId);
    const step = (action: string, at?: number) =>
      timed(samples, action, () =>
        handle.executeUpdate(RawStepUpdate, { args: at === undefined ? [action] : [action, at] }),
      );
    for (const action of SIGN_OFF_ACTIONS.slice(1)) await step(action);
    if (opts.through === 'sign-off') return;

    const openedAt = Date.now();
    const closesAt = openedAt + opts.closeAfter * 1000;
    await step('publish', closesAt);
    for (let n = 0; n < suppliers; n++) await step('bid');
    samples.addWait(BIDDING_SPAN, Date.now() - openedAt);
    await untilClosed(samples, closesAt, () => handle.query(RawClosedQuery));
    for (let n = 0; n < PANEL_SIZE * suppliers; n++) await step('score');
    await step('award');
  };
}
