import {
  allowedActions,
  appliesTo,
  canRead,
  roleEverReads,
  viewFor,
  type Actor,
  type CommissionView,
  type ViewPart,
} from '@app/contracts';
import { ProblemException } from '../problem/problem.exception';

export function isSupplierOnly(actor: Actor): boolean {
  return actor.roles.every((r) => r === 'supplier');
}

/** The view of one commission for one caller (READ_RULES), with what that caller may do next. */
export function present(view: CommissionView, actor: Actor) {
  const visible = viewFor(view, actor);
  if (!visible) throw ProblemException.notFound(`no commission with id ${view.id}`);
  return { ...visible, allowedActions: actionsNow(view, actor) };
}

/** The fields every sub-resource of a commission starts with. */
export function header(view: CommissionView, actor: Actor) {
  return {
    commissionId: view.id,
    stage: view.stage,
    version: view.version,
    allowedActions: actionsNow(view, actor),
  };
}

/** What the caller may do now: the rules for their standing and the stage, where there is something to act on. */
function actionsNow(view: CommissionView, actor: Actor) {
  return allowedActions(view.stage, actor, view).filter((a) => appliesTo(a, view));
}

/**
 * Refuses a sub-resource the caller may not read: 403 for a part their role never reads (which
 * says nothing about this commission), 404 when this commission is hidden from them.
 */
export function mustRead(part: ViewPart, view: CommissionView, actor: Actor): void {
  if (!roleEverReads(part, actor)) {
    throw ProblemException.forbidden(`your role cannot read the ${part} of a commission`);
  }
  if (!canRead('identity', view, actor) || !canRead(part, view, actor)) {
    throw ProblemException.notFound(`no commission with id ${view.id}`);
  }
}
