import { ApplicationFailure } from '@temporalio/workflow';
import {
  COMMAND_REFUSED,
  refusalFor,
  type Action,
  type Actor,
  type CommissionView,
  type RefusalCode,
  type RefusalDetails,
} from '@app/contracts';

/** Why the workflow will not accept a command; `refuse` turns it into the validator's failure. */
export interface CommandRefusal {
  code: RefusalCode;
  stage: string;
  reason: string;
  facts?: Record<string, string>;
}

export const refusal = (
  state: CommissionView,
  code: RefusalCode,
  reason: string,
  facts?: Record<string, string>,
): CommandRefusal => ({ code, stage: state.stage, reason, ...(facts ? { facts } : {}) });

export const invalid = (state: CommissionView, reason: string): CommandRefusal =>
  refusal(state, 'invalid-input', reason);

/** The stage-and-role check every command starts with, from the shared rules. */
export function ruleRefusal(action: Action, state: CommissionView, actor: Actor): CommandRefusal | null {
  const r = refusalFor(action, state.stage, actor, state);
  return r ? refusal(state, r.code, r.reason) : null;
}

/** Throws the refusal from an update validator, so the command never enters history. */
export function refuse(r: CommandRefusal | null): void {
  if (!r) return;
  const details: RefusalDetails = {
    code: r.code,
    stage: r.stage,
    reason: r.reason,
    ...(r.facts ? { facts: r.facts } : {}),
  };
  throw ApplicationFailure.create({
    type: COMMAND_REFUSED,
    message: r.reason,
    details: [details],
    nonRetryable: true,
  });
}
