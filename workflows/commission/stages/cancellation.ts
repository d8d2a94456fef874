import {
  CONTRACT_STAGES,
  CONTRACT_TERMINATION_NOTICE_TYPES,
  CancelCommissionUpdate,
  TERMINABLE_STAGES,
  TERMINATION_NOTICE_TYPES,
  actorRef,
  type ActorRef,
  type CancelCommission,
  type CommissionView,
  type ContractTerminationNotice,
  type TerminationNotice,
} from '@app/contracts';
import type { Change } from '../kernel/change';
import { defineCommand } from '../kernel/command';
import { newBehaviour } from '../kernel/patches';
import { invalid, ruleRefusal, textRefusal, type CommandRefusal } from '../kernel/refusal';

/** Everyone named on the commission hears that it has ended. */
function everyone(s: CommissionView) {
  const seen = new Set<string>();
  return [...s.officers, ...s.panel, ...s.observers]
    .filter((p) => !seen.has(p.userId) && seen.add(p.userId))
    .map(({ userId, name, email }) => ({ userId, name, email }));
}

/** An officer ends a commission from any open stage; an open sign-off round is withdrawn. */

export function checkCancel(s: CommissionView, cmd: CancelCommission): CommandRefusal | null {
  const r = ruleRefusal('cancel', s, cmd.actor);
  if (r) return r;
  if (!cmd.reason.trim()) return invalid(s, 'a cancellation needs a reason');
  return textRefusal(s, [['the reason', cmd.reason, 'reason']]);
}

/** Ends the commission: an open sign-off round is withdrawn, keeping its decisions. */
export function endCommission(s: CommissionView, by: ActorRef, reason: string, at: string): void {
  if (s.signOff.current) {
    s.signOff.current.outcome = 'withdrawn';
    s.signOff.rounds.push(s.signOff.current);
    s.signOff.current = null;
    s.signOff.tally = null;
  }
  s.stage = 'cancelled';
  s.cancellation = { reason, by, at };
}

/**
 * Cancelling a published procurement before a contract publishes its end: UK12 under PA2023 s.55
 * (see TERMINATION_NOTICE_TYPES). Call before the stage changes to `cancelled`.
 */
export function issueTerminationNotice(s: CommissionView, by: ActorRef, reason: string, at: string): void {
  if (!TERMINABLE_STAGES.includes(s.stage)) return;
  const notice: TerminationNotice = {
    type: TERMINATION_NOTICE_TYPES[s.regime],
    regime: s.regime,
    publishedAt: at,
    publishedBy: by,
    content: { title: s.title, reason, stage: s.stage, tenderPublishedAt: s.tender?.publishedAt ?? null },
  };
  s.notices = [...(s.notices ?? []), notice];
}

/**
 * Cancelling in delivery ends the contract entered into: a contract termination notice, UK11 under
 * PA2023 s.80(1), recorded at once (the Act allows 30 days; the decision is the officer's now).
 * Call before the stage changes to `cancelled`.
 */
export function issueContractTerminationNotice(
  s: CommissionView,
  by: ActorRef,
  reason: string,
  at: string,
): void {
  if (!CONTRACT_STAGES.includes(s.stage) || !s.contract) return;
  const notice: ContractTerminationNotice = {
    type: CONTRACT_TERMINATION_NOTICE_TYPES[s.regime],
    regime: s.regime,
    publishedAt: at,
    publishedBy: by,
    content: {
      title: s.title,
      reason,
      supplier: s.contract.supplier.name,
      value: s.contract.value,
      terminatedAt: at,
    },
  };
  s.notices = [...(s.notices ?? []), notice];
}

/** Which notices a cancel issues: none on runs from before each kind (the workflow's patches). */
export interface CancelNotices {
  procurement: boolean;
  contract: boolean;
}

export function applyCancel(
  s: CommissionView,
  cmd: CancelCommission,
  at: string,
  notices: CancelNotices = { procurement: true, contract: true },
): Change {
  if (notices.procurement) issueTerminationNotice(s, actorRef(cmd.actor), cmd.reason, at);
  if (notices.contract) issueContractTerminationNotice(s, actorRef(cmd.actor), cmd.reason, at);
  endCommission(s, actorRef(cmd.actor), cmd.reason, at);
  // Reaching a final stage closes every deadline (see kernel/deadline-book).
  return {
    action: 'commission-cancelled',
    detail: { reason: cmd.reason },
    effects: [],
    messages: [
      {
        message: 'commission-cancelled',
        recipients: everyone(s),
        facts: { reason: cmd.reason, by: cmd.actor.name },
      },
    ],
  };
}

export const cancellationCommands = [
  defineCommand({
    action: 'cancel',
    update: CancelCommissionUpdate,
    check: checkCancel,
    apply: (s: CommissionView, cmd: CancelCommission, at: string) =>
      applyCancel(s, cmd, at, {
        procurement: newBehaviour('termination-notice'),
        contract: newBehaviour('contract-termination-notice'),
      }),
  }),
];
