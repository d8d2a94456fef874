import type { RefusalType } from '@app/contracts';
import { REFUSALS, refusalFor, type Action, type Actor, type CommissionView } from '@app/contracts';

/** Why the workflow will not accept a command; the shell turns it into an ApplicationFailure. */
export interface CommandRefusal {
  type: RefusalType;
  stage: string;
  reason: string;
}

export const conflict = (state: CommissionView, reason: string): CommandRefusal => ({
  type: REFUSALS.conflict,
  stage: state.stage,
  reason,
});

export const invalid = (state: CommissionView, reason: string): CommandRefusal => ({
  type: REFUSALS.invalid,
  stage: state.stage,
  reason,
});

/** The stage-and-role check every command starts with, from the shared rules. */
export function ruleRefusal(action: Action, state: CommissionView, actor: Actor): CommandRefusal | null {
  const refusal = refusalFor(action, state.stage, actor, state);
  if (!refusal) return null;
  return {
    type: refusal.kind === 'forbidden' ? REFUSALS.forbidden : REFUSALS.conflict,
    stage: state.stage,
    reason: refusal.reason,
  };
}
