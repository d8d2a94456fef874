import { setFlagsFromString } from 'node:v8';
import type { WorkerSettings } from '@app/config';

/**
 * Sets V8's heap sizing for this process from the worker settings, and returns the flags set.
 * Call it before the worker starts: the growing factor applies at every full collection in every
 * thread, but a thread's young generation is sized when the thread starts, so the semi-space size
 * reaches the SDK's workflow thread (started by Worker.create) and not the main thread.
 */
export function tuneHeap(
  settings: Pick<WorkerSettings, 'heapGrowingPercent' | 'workflowSemiSpaceMb'>,
): string[] {
  const flags = [
    ...(settings.heapGrowingPercent > 0 ? [`--heap-growing-percent=${settings.heapGrowingPercent}`] : []),
    ...(settings.workflowSemiSpaceMb > 0 ? [`--max-semi-space-size=${settings.workflowSemiSpaceMb}`] : []),
  ];
  for (const flag of flags) setFlagsFromString(flag);
  return flags;
}
