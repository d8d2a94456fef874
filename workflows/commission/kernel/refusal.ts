import { ApplicationFailure } from '@temporalio/workflow';
import {
  COMMAND_REFUSED,
  refusalFor,
  type Action,
  type Actor,
  type CommissionView,
  type RefusalCode,
  type RefusalDetails,
  type StateLimit,
  type TextKind,
  STATE_LIMITS,
  londonDateOf,
  storableTextProblem,
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

/** One text field of a command: its name, its value, its kind, and whether it may be left empty. */
export type TextField = [name: string, value: string, kind: TextKind, optional?: boolean];

/**
 * Refuses text the read model could not store (libs/contracts/src/text.ts), checked again here
 * below the API edge: the workflow must never accept what its projection cannot write.
 */
export function textRefusal(state: CommissionView, fields: readonly TextField[]): CommandRefusal | null {
  for (const [name, value, kind, optional] of fields) {
    if (optional && value === '') continue;
    const problem = storableTextProblem(value, kind);
    if (problem) return invalid(state, `${name} ${problem}`);
  }
  return null;
}

/** The actor comes from a verified token, but its claims are stored with every event too. */
export function actorRefusal(state: CommissionView, actor: Actor): CommandRefusal | null {
  return textRefusal(state, [
    ['the actor’s id', actor?.userId, 'id'],
    ['the actor’s name', actor?.name, 'name'],
  ]);
}

/** Refuses a change that would take a collection of the state past its limit (STATE_LIMITS). */
export function limitRefusal(
  state: CommissionView,
  limit: StateLimit,
  count: number,
  what: string,
): CommandRefusal | null {
  const max = STATE_LIMITS[limit];
  return count >= max
    ? refusal(
        state,
        'limit-reached',
        `a commission holds at most ${max} ${what} (limit ${limit}); this one has ${count}`,
      )
    : null;
}

/** Refuses text that would take a collection's characters past their limit (STATE_LIMITS). */
export function sizeRefusal(
  state: CommissionView,
  limit: StateLimit,
  used: number,
  adding: number,
  what: string,
): CommandRefusal | null {
  const max = STATE_LIMITS[limit];
  return used + adding > max
    ? refusal(
        state,
        'limit-reached',
        `a commission holds at most ${max} characters of ${what} (limit ${limit}); this one has ${used}, and this adds ${adding}`,
      )
    : null;
}

/**
 * A legal period counted in days (PA2023 s.54(4) and s.51; PCR2015 regs 27 and 87) runs from the
 * day of publication, which the API assumed when it computed the period from the calendar. Should
 * the workflow apply the command on a later London day (a command sent just before midnight, a
 * busy worker), the period would be a day short: refused, so that the caller sends it again and the
 * API computes it from the new day.
 */
export function anotherDayRefusal(
  state: CommissionView,
  assumedIso: string,
  now: number,
  what: string,
): CommandRefusal | null {
  const assumed = londonDateOf(Date.parse(assumedIso));
  const today = londonDateOf(now);
  if (assumed === today) return null;
  return refusal(
    state,
    'computed-for-another-day',
    `${what} was computed from ${assumed} (London), but it is now ${today}: send the command again`,
    { assumedDay: assumed, today },
  );
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
