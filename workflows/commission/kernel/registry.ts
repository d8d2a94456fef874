import { currentUpdateInfo, setHandler } from '@temporalio/workflow';
import { STATE_LIMITS, isAllowedTransition, type Actor, type CommissionView } from '@app/contracts';
import type { Change } from './change';
import type { AnyCommand } from './command';
import { actorRefusal, refuse } from './refusal';

/** Applies an accepted change (deadlines, audit, projection) and answers once it is projected. */
export type Accept = (
  fromStage: CommissionView['stage'],
  actor: Actor,
  change: Change | null,
  at: string,
) => Promise<CommissionView>;

/**
 * Registers every command as an Update: the validator runs the command's `check` (a refusal never
 * enters history), the handler its `apply`, and the lifecycle table must allow the stage it moves to.
 */
export function registerCommands(
  commands: readonly AnyCommand[],
  state: CommissionView,
  now: () => string,
  accept: Accept,
): void {
  /** A retry of an update this commission already applied, perhaps in an earlier run. */
  const alreadyApplied = () => {
    const id = currentUpdateInfo()?.id;
    return id !== undefined && (state.appliedUpdates ?? []).includes(id);
  };
  const remember = () => {
    const id = currentUpdateInfo()?.id;
    if (id === undefined) return;
    state.appliedUpdates = [...(state.appliedUpdates ?? []), id].slice(-STATE_LIMITS.rememberedUpdates);
  };
  for (const command of commands) {
    setHandler(
      command.update,
      async (cmd: { actor: Actor }) => {
        if (alreadyApplied()) return accept(state.stage, cmd.actor, null, now());
        const fromStage = state.stage;
        const at = now();
        const change = command.apply(state, cmd, at);
        if (!isAllowedTransition(fromStage, state.stage, { command: command.action })) {
          // A bug, not a refusal: failing the workflow task keeps it visible and retried, never lost.
          throw new Error(
            `${command.action} moved ${fromStage} → ${state.stage}, which TRANSITIONS does not allow`,
          );
        }
        if (change) remember();
        return accept(fromStage, cmd.actor, change, at);
      },
      {
        validator: (cmd: { actor: Actor }) => {
          // Temporal deduplicates update ids within one run; this covers a retry after continue-as-new.
          if (alreadyApplied()) return;
          refuse(actorRefusal(state, cmd.actor) ?? command.check(state, cmd, Date.now()));
        },
      },
    );
  }
}
