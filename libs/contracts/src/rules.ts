import type { Stage } from './stages';
import { OPEN_STAGES } from './stages';
import type { Actor, PanelMember, Person, Role } from './people';

/**
 * Every action a user can take on a commission, and when and by whom. The workflow enforces these
 * rules in its update validators and the API derives `allowedActions` from them: nothing else
 * decides whether a transition is allowed.
 */
export const ACTIONS = [
  'edit-specification',
  'submit-specification',
  'sign-off',
  'declare-conflict',
  'move-deadline',
  'cancel',
  'publish-tender',
  'ask-clarification',
  'answer-clarification',
  'submit-bid',
  'reopen',
  'score-bid',
  'award',
  'record-challenge',
  'lift-challenge',
  'publish-contract-notice',
  'drop-dependency',
  'submit-report',
  'review-report',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * A standing a caller has on one commission, derived from token roles and membership. Suppliers are
 * never named on a commission: any caller with the supplier role stands as one, and the one whose
 * bid became the contract also as the contracted supplier.
 */
export type Standing = 'officer' | 'panel-member' | 'panel-chair' | 'supplier' | 'contracted-supplier';

export interface ActionRule {
  stages: readonly Stage[];
  who: readonly Standing[];
}

export const ACTION_RULES: Readonly<Record<Action, ActionRule>> = {
  'edit-specification': { stages: ['drafting'], who: ['officer', 'panel-chair'] },
  'submit-specification': { stages: ['drafting'], who: ['officer'] },
  'sign-off': { stages: ['panel-review'], who: ['panel-member'] },
  'declare-conflict': { stages: OPEN_STAGES, who: ['panel-member'] },
  'move-deadline': { stages: OPEN_STAGES, who: ['officer'] },
  cancel: { stages: OPEN_STAGES, who: ['officer'] },
  'publish-tender': { stages: ['signed-off'], who: ['officer'] },
  // Times within the stage (the clarification deadline, the close) are the workflow's to judge.
  'ask-clarification': { stages: ['tendering'], who: ['supplier'] },
  'answer-clarification': { stages: ['tendering'], who: ['officer'] },
  'submit-bid': { stages: ['tendering'], who: ['supplier'] },
  reopen: { stages: ['unsuccessful'], who: ['officer'] },
  // Conflicts with a bid's supplier are the workflow's to judge, bid by bid.
  'score-bid': { stages: ['evaluation'], who: ['panel-member'] },
  award: { stages: ['evaluation'], who: ['officer'] },
  'record-challenge': { stages: ['standstill'], who: ['officer'] },
  'lift-challenge': { stages: ['standstill'], who: ['officer'] },
  'publish-contract-notice': { stages: ['in-delivery'], who: ['officer'] },
  // Before the tender, whatever the gate's status: the dependency only ever holds the tender back.
  'drop-dependency': { stages: ['drafting', 'panel-review', 'signed-off'], who: ['officer'] },
  // The contract's supplier, or an officer for it.
  'submit-report': { stages: ['in-delivery'], who: ['contracted-supplier', 'officer'] },
  'review-report': { stages: ['in-delivery'], who: ['panel-member', 'officer'] },
};

export interface Membership {
  officers: readonly Person[];
  panel: readonly PanelMember[];
  /** Once entered into, the contract names its supplier. */
  contract?: { supplier: { userId: string } } | null;
}

/** Officers act on the commissions they are named on; panel members on the panels they sit on. */
export function standingsOf(actor: Pick<Actor, 'roles' | 'userId'>, membership: Membership): Standing[] {
  const standings: Standing[] = [];
  if (actor.roles.includes('officer') && membership.officers.some((o) => o.userId === actor.userId)) {
    standings.push('officer');
  }
  const seat = actor.roles.includes('panel')
    ? membership.panel.find((m) => m.userId === actor.userId)
    : undefined;
  if (seat) {
    standings.push('panel-member');
    if (seat.chair) standings.push('panel-chair');
  }
  if (actor.roles.includes('supplier')) {
    standings.push('supplier');
    if (membership.contract?.supplier.userId === actor.userId) standings.push('contracted-supplier');
  }
  return standings;
}

export type Refusal =
  | { kind: 'forbidden'; code: 'wrong-role' | 'not-a-member' | 'not-the-contracted-supplier'; reason: string }
  | { kind: 'wrong-stage'; code: 'wrong-stage'; stage: Stage; reason: string };

/** Token roles that could hold each standing, to tell "wrong role" from "not on this commission". */
const ROLE_OF: Readonly<Record<Standing, Role>> = {
  officer: 'officer',
  'panel-member': 'panel',
  'panel-chair': 'panel',
  supplier: 'supplier',
  'contracted-supplier': 'supplier',
};

/** Why `actor` may not take `action` now, or null when they may. Role is checked before stage. */
export function refusalFor(
  action: Action,
  stage: Stage,
  actor: Actor,
  membership: Membership,
): Refusal | null {
  const rule = ACTION_RULES[action];
  const standings = standingsOf(actor, membership);
  if (!rule.who.some((w) => standings.includes(w))) {
    const hasRole = rule.who.some((w) => actor.roles.includes(ROLE_OF[w]));
    // A supplier, just not the one holding this commission's contract: say so, not "not a member".
    const otherSupplier = rule.who.includes('contracted-supplier') && actor.roles.includes('supplier');
    return {
      kind: 'forbidden',
      code: otherSupplier ? 'not-the-contracted-supplier' : hasRole ? 'not-a-member' : 'wrong-role',
      reason: `${action} needs one of: ${rule.who.join(', ')} of this commission`,
    };
  }
  if (!rule.stages.includes(stage)) {
    return {
      kind: 'wrong-stage',
      code: 'wrong-stage',
      stage,
      reason: `${action} is not allowed in stage ${stage} (allowed in: ${rule.stages.join(', ')})`,
    };
  }
  return null;
}

export function allowedActions(stage: Stage, actor: Actor, membership: Membership): Action[] {
  return ACTIONS.filter((a) => refusalFor(a, stage, actor, membership) === null);
}
