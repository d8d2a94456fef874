import {
  defaultGrpcRetryOptions,
  isGrpcServiceError,
  makeGrpcRetryInterceptor,
  WorkflowNotFoundError,
  type ConnectionOptions,
  type Next,
  type WorkflowClientInterceptor,
  type WorkflowStartUpdateInput,
  type WorkflowStartUpdateOutput,
  type WorkflowStartUpdateWithStartInput,
  type WorkflowStartUpdateWithStartOutput,
} from '@temporalio/client';

/** Workflows whose run is remembered; past it the least recently used is forgotten. */
export const RUN_ID_HINTS_CAPACITY = 10_000;

/** Tries of an update the server refuses because its workflow is closing (about 5.5 s in all). */
const CLOSING_TRIES = 10;
const closingPauseMs = (tries: number) => Math.min(1_000, 50 * 2 ** (tries - 1));

type GrpcInterceptor = NonNullable<ConnectionOptions['interceptors']>[number];
/** A failed call's status, as gRPC gives it to a retry policy. */
type GrpcStatus = Parameters<ReturnType<typeof defaultGrpcRetryOptions>['retryableDecider']>[1];

const UPDATE_METHOD = '/temporal.api.workflowservice.v1.WorkflowService/UpdateWorkflowExecution';
const RESOURCE_EXHAUSTED = 8;

/**
 * The server's answer to an update that reaches a run while it ends itself (continue-as-new, or
 * completing): retryable, but only by workflow id. A retry that names the ended run finds the
 * update the run aborted and is refused the same way until the caller's deadline.
 */
function isWorkflowClosing(status: { code: number; details?: string }): boolean {
  return status.code === RESOURCE_EXHAUSTED && (status.details ?? '').includes('workflow is closing');
}

function isWorkflowClosingError(err: unknown): boolean {
  const cause = (err as { cause?: unknown })?.cause;
  return isGrpcServiceError(cause) && isWorkflowClosing(cause);
}

/** Whether gRPC retries a failed update: as the SDK does, but not one refused as its workflow closes. */
export function retriesUpdate(attempt: number, status: GrpcStatus): boolean {
  return !isWorkflowClosing(status) && defaultGrpcRetryOptions().retryableDecider(attempt, status);
}

/**
 * The gRPC retries to connect with alongside RunIdHints: the SDK's own, except that an update
 * refused because its workflow is closing comes back to RunIdHints, which retries it by workflow
 * id alone.
 */
export function retriesForRunIdHints(): GrpcInterceptor[] {
  const retry = makeGrpcRetryInterceptor(defaultGrpcRetryOptions());
  const retryUpdate = makeGrpcRetryInterceptor({
    ...defaultGrpcRetryOptions(),
    retryableDecider: retriesUpdate,
  });
  return [
    (options, nextCall) =>
      (options.method_definition.path === UPDATE_METHOD ? retryUpdate : retry)(options, nextCall),
  ];
}

/**
 * Sends each update to the run its workflow was last seen in. An update addressed by workflow id
 * alone makes the Temporal server read which run is current from its database first (a
 * `GetCurrentExecution` persistence call, 14 in a commission's lifecycle through the award); one
 * that names its run is served from the server's cache.
 *
 * A hint only, learnt from the answers to earlier updates and starts, and the update goes by
 * workflow id alone again whenever the run named cannot take it:
 * - the run has ended (continued as new, reset, terminated): "not found", so nothing was applied;
 * - the run is ending as the update arrives: "workflow is closing", retried after a pause, as the
 *   SDK's gRPC retries would, but by workflow id (the connection must use retriesForRunIdHints).
 * An update whose caller named a run itself goes as the caller sent it.
 */
export class RunIdHints implements WorkflowClientInterceptor {
  private readonly runs = new Map<string, string>();

  constructor(private readonly capacity = RUN_ID_HINTS_CAPACITY) {}

  async startUpdate(
    input: WorkflowStartUpdateInput,
    next: Next<WorkflowClientInterceptor, 'startUpdate'>,
  ): Promise<WorkflowStartUpdateOutput> {
    const { workflowId, runId } = input.workflowExecution;
    if (runId !== undefined) return next(input);
    for (let tries = 1; ; tries++) {
      const hint = this.runs.get(workflowId);
      try {
        const sent =
          hint === undefined ? input : { ...input, workflowExecution: { workflowId, runId: hint } };
        return this.learn(workflowId, await next(sent));
      } catch (err) {
        const notFound = err instanceof WorkflowNotFoundError;
        const closing = isWorkflowClosingError(err);
        if (hint !== undefined && (notFound || closing)) this.forget(workflowId, hint);
        if (hint !== undefined && notFound) continue;
        if (!closing || tries >= CLOSING_TRIES) throw err;
        await new Promise((resolve) => setTimeout(resolve, closingPauseMs(tries)));
      }
    }
  }

  async startUpdateWithStart(
    input: WorkflowStartUpdateWithStartInput,
    next: Next<WorkflowClientInterceptor, 'startUpdateWithStart'>,
  ): Promise<WorkflowStartUpdateWithStartOutput> {
    const output = await next(input);
    const { workflowId, runId } = output.workflowExecution;
    if (runId) this.remember(workflowId, runId);
    return output;
  }

  /** The run remembered for a workflow, if any. */
  runOf(workflowId: string): string | undefined {
    return this.runs.get(workflowId);
  }

  get size(): number {
    return this.runs.size;
  }

  private learn(workflowId: string, output: WorkflowStartUpdateOutput): WorkflowStartUpdateOutput {
    if (output.workflowRunId) this.remember(workflowId, output.workflowRunId);
    return output;
  }

  private remember(workflowId: string, runId: string): void {
    // Re-inserted, so the Map's order is least recently used first.
    this.runs.delete(workflowId);
    this.runs.set(workflowId, runId);
    if (this.runs.size > this.capacity) this.runs.delete(this.runs.keys().next().value as string);
  }

  private forget(workflowId: string, runId: string): void {
    if (this.runs.get(workflowId) === runId) this.runs.delete(workflowId);
  }
}
