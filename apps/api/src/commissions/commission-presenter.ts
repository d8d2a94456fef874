import { allowedActions, type Actor, type CommissionView, type Stage } from '@app/contracts';

/** Stages in which a tender has been published, so suppliers may see the commission. */
export const PUBLISHED_STAGES: readonly Stage[] = [
  'tendering',
  'evaluation',
  'standstill',
  'in-delivery',
  'completed',
  'unsuccessful',
];

export function isSupplierOnly(actor: Actor): boolean {
  return actor.roles.every((r) => r === 'supplier');
}

/** The view of one commission for one caller, with what that caller may do next. */
export function present(view: CommissionView, actor: Actor) {
  const actions = allowedActions(view.stage, actor, view);
  if (isSupplierOnly(actor)) {
    const { id, title, description, stage, version, regime, milestones } = view;
    return { id, title, description, stage, version, regime, milestones, allowedActions: actions };
  }
  return { ...view, allowedActions: actions };
}
