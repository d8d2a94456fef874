/**
 * The engine's own limit, for comparison: a workflow that does nothing but the round-trips a
 * commission lifecycle makes. Each update awaits one no-op activity, as the product's updates await
 * their projection, and answers after it. Through the award, `publish` also sets the close: a timer
 * whose firing runs one more activity, as the product's tender close opens the bids by one.
 */
import {
  allHandlersFinished,
  condition,
  defineQuery,
  defineUpdate,
  proxyActivities,
  setHandler,
  sleep,
} from '@temporalio/workflow';
import type { RawActivities } from './activities';

/** A step by name; `publish` gives the close (ms since the epoch). */
export const RawStepUpdate = defineUpdate<number, [string, number?]>('RawStep');
/** Whether the close has passed and its activity run. */
export const RawClosedQuery = defineQuery<boolean>('RawClosed');

const { noop } = proxyActivities<RawActivities>({ startToCloseTimeout: '15 seconds' });

/** Ends once it has answered `steps` updates (the update-with-start one included), and closed if asked. */
export async function rawLifecycleWorkflow(steps: number): Promise<number> {
  let answered = 0;
  let closesAt: number | undefined;
  let closed = false;
  setHandler(RawStepUpdate, async (step: string, at?: number) => {
    if (step === 'publish') closesAt = at;
    await noop(step);
    answered += 1;
    return answered;
  });
  setHandler(RawClosedQuery, () => closed);
  const closing = (async () => {
    await condition(() => closesAt !== undefined);
    await sleep(Math.max(1, closesAt! - Date.now()));
    await noop('close');
    closed = true;
  })();
  await condition(() => answered >= steps && (closesAt === undefined || closed) && allHandlersFinished());
  void closing;
  return answered;
}
