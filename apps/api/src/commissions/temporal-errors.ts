import { ApplicationFailure, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { REFUSALS, type RefusalDetails } from '@app/contracts';
import { ProblemException } from '../problem/problem.exception';

/**
 * Turns a workflow's refusal of a command into the HTTP answer: the validator's failure type says
 * which status, its details name the stage and why.
 */
export function refusalToProblem(err: unknown): ProblemException | null {
  if (!(err instanceof WorkflowUpdateFailedError)) return null;
  const cause = err.cause;
  if (!(cause instanceof ApplicationFailure)) return null;
  const details = (cause.details?.[0] ?? {}) as Partial<RefusalDetails>;
  const reason = details.reason ?? cause.message;
  switch (cause.type) {
    case REFUSALS.forbidden:
      return ProblemException.forbidden(reason, details.stage);
    case REFUSALS.conflict:
      return ProblemException.conflict(reason, details.stage);
    case REFUSALS.invalid:
      return ProblemException.badRequest(reason);
    default:
      return null;
  }
}

export function isWorkflowGone(err: unknown): boolean {
  return err instanceof WorkflowNotFoundError;
}
