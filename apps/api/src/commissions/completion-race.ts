import {
  Client,
  isGrpcDeadlineError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  type WorkflowHandle,
} from '@temporalio/client';
import { problem } from '../problem/problem';
import { ProblemException } from '../problem/problem.exception';

/** Longest a query or an update may wait before the workflow is looked at. */
export const WORKFLOW_CALL_BOUND_MS = 15_000;

export function isTimeout(err: unknown): boolean {
  return (
    err instanceof WorkflowUpdateRPCTimeoutOrCancelledError ||
    isGrpcDeadlineError(err) ||
    isGrpcDeadlineError((err as { cause?: unknown })?.cause)
  );
}

/**
 * A query or an update that reaches the worker while the workflow is completing can be dropped
 * with the run the worker evicts (sdk-core logs "leftover buffered tasks when evicting run"); it
 * would then wait out the server's timeout and answer 500. So each call is bounded, and past the
 * bound a workflow that has closed is asked once more: a closed workflow answers a query by replay
 * and refuses an update as gone. A workflow still running past the bound is a real failure.
 */
export async function boundedCall<T>(
  client: Client,
  handle: WorkflowHandle,
  call: () => Promise<T>,
  boundMs = WORKFLOW_CALL_BOUND_MS,
): Promise<T> {
  try {
    return await client.withDeadline(Date.now() + boundMs, call);
  } catch (err) {
    if (!isTimeout(err)) throw err;
    const { status } = await handle.describe();
    if (status.name === 'RUNNING') throw err;
    return call();
  }
}

/** The answer when the workflow did not answer in time: retrying with the same key is safe. */
export function notAnsweringProblem(): ProblemException {
  return new ProblemException(
    problem(
      503,
      'the commission service did not answer in time (is its worker running?); retry with the same ' +
        'Idempotency-Key: the first attempt is applied at most once',
    ),
  );
}
