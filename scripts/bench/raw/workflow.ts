/**
 * The engine's own limit, for comparison: a workflow that does nothing but the round-trips a
 * commission lifecycle makes. Each update awaits one no-op activity, as the product's updates await
 * their projection, and answers after it.
 */
import {
  condition,
  defineUpdate,
  proxyActivities,
  setHandler,
  allHandlersFinished,
} from '@temporalio/workflow';
import type { RawActivities } from './activities';

export const RawStepUpdate = defineUpdate<number, [string]>('RawStep');

const { noop } = proxyActivities<RawActivities>({ startToCloseTimeout: '15 seconds' });

/** Ends once it has answered `steps` updates (the update-with-start one included). */
export async function rawLifecycleWorkflow(steps: number): Promise<number> {
  let answered = 0;
  setHandler(RawStepUpdate, async (step: string) => {
    await noop(step);
    answered += 1;
    return answered;
  });
  await condition(() => answered >= steps && allHandlersFinished());
  return answered;
}
