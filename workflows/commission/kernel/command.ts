import type { UpdateDefinition } from '@temporalio/common';
import type { Action, Actor, CommissionView } from '@app/contracts';
import type { Change } from './change';
import type { CommandRefusal } from './refusal';

/**
 * One command of one stage: the Update it answers, `check` (run by the validator, so it must not
 * change anything) and `apply` (changes the state and says what to record, or null when the command
 * repeats one already applied).
 */
export interface CommandDef<C extends { actor: Actor }> {
  /** The rule (in libs/contracts) this command is governed by, and the trigger of its transitions. */
  action: Action;
  update: UpdateDefinition<CommissionView, [C]>;
  check(state: CommissionView, cmd: C, now: number): CommandRefusal | null;
  apply(state: CommissionView, cmd: C, at: string): Change | null;
}

// The registry holds commands of many argument types; each is only ever called with its own.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCommand = CommandDef<any>;

export function defineCommand<C extends { actor: Actor }>(def: CommandDef<C>): AnyCommand {
  return def;
}

/** A transition that happens by itself when a deadline falls due; null when it no longer applies. */
export type OnDue = (state: CommissionView, at: string) => Change | null;
