import { ApplicationFailure, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import {
  COMMAND_REFUSED,
  REFUSAL_CODES,
  isRefusalCode,
  refusalTypeUri,
  type RefusalDetails,
} from '@app/contracts';
import { problem } from '../problem/problem';
import { ProblemException } from '../problem/problem.exception';

/**
 * Turns a workflow's refusal of a command into the HTTP answer: the refusal's code picks the status
 * and the problem `type` from REFUSAL_CODES (exhaustive by construction), its details name the
 * stage and why.
 */
export function refusalToProblem(err: unknown): ProblemException | null {
  if (!(err instanceof WorkflowUpdateFailedError)) return null;
  const cause = err.cause;
  if (!(cause instanceof ApplicationFailure) || cause.type !== COMMAND_REFUSED) return null;
  const details = (cause.details?.[0] ?? {}) as Partial<RefusalDetails>;
  if (!isRefusalCode(details.code)) return null;
  const { status, title } = REFUSAL_CODES[details.code];
  return new ProblemException(
    problem(status, details.reason ?? cause.message, {
      type: refusalTypeUri(details.code),
      title,
      code: details.code,
      ...(details.stage ? { stage: details.stage } : {}),
      ...(details.facts ?? {}),
    }),
  );
}

export function isWorkflowGone(err: unknown): boolean {
  return err instanceof WorkflowNotFoundError;
}
