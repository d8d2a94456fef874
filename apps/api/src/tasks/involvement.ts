import { isContractedSupplier, type Actor, type CommissionView } from '@app/contracts';
import { ACTION_TASKS, tasksIn } from './task';

/**
 * The commissions a person is named on (as an officer, a panel member or an observer), and those
 * whose contract a supplier holds.
 */
export function involves(view: CommissionView, actor: Actor): boolean {
  const named = (people: readonly { userId: string }[]) => people.some((p) => p.userId === actor.userId);
  return (
    named(view.officers) || named(view.panel) || named(view.observers) || isContractedSupplier(view, actor)
  );
}

/** The commission cannot move on until this person acts (the list filter `awaiting=me`). */
export function awaits(view: CommissionView, actor: Actor, now: Date): boolean {
  return tasksIn(view, actor, now).some((t) => ACTION_TASKS.includes(t.kind));
}
