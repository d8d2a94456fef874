/**
 * Preloaded into the worker process with `--require` (scripts/start, docker-compose.yml, the bench),
 * so that it also runs first in each of the Temporal SDK's workflow threads, which inherit the
 * process's Node options. There it turns off the SDK's capture of a stack for every promise that
 * workflow code creates, kept only for the "stack trace" query (the Web UI's call-stack tab).
 *
 * That capture was the largest cost the product could remove from the worker: a stack captured and
 * formatted per promise, tens of promises per command. Measured with `npm run bench`: the worker's
 * CPU per lifecycle 50 → 39 ms, throughput ÷ raw 0.73 → 0.84. The SDK has no option for it; without
 * `v8.promiseHooks.createHook` it runs as on runtimes that lack it, and the query answers "Workflow
 * stack traces are not enabled on this worker". Everything else (deadlock detection, replay,
 * errors' own stacks) is unchanged. `WORKFLOW_STACK_TRACES=on` keeps the capture.
 */
import { isMainThread } from 'node:worker_threads';
import v8 from 'node:v8';

const WORKFLOW_THREAD_OPTIONS = Symbol.for('commissioning.workflow-thread-options');

export const stackTracesKept = (env: NodeJS.ProcessEnv = process.env): boolean =>
  env.WORKFLOW_STACK_TRACES === 'on';

if (isMainThread) {
  // Lets the worker's main say how its workflow threads run (apps/worker/src/main.ts).
  (globalThis as Record<symbol, unknown>)[WORKFLOW_THREAD_OPTIONS] = { stackTraces: stackTracesKept() };
} else if (!stackTracesKept()) {
  const hooks = v8.promiseHooks;
  Object.defineProperty(v8, 'promiseHooks', {
    value: {
      ...hooks,
      createHook: () => {
        throw new Error('workflow stack traces are off (WORKFLOW_STACK_TRACES)');
      },
    },
    writable: true,
    enumerable: true,
    configurable: true,
  });
}
