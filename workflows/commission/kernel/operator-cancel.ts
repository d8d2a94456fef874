import { isFinal, type ActorRef, type CommissionView } from '@app/contracts';
import {
  endCommission,
  issueContractTerminationNotice,
  issueTerminationNotice,
} from '../stages/cancellation';
import type { Change } from './change';
import { hasPatch } from './patches';

/** Who cancels when the request comes from Temporal itself (Web UI button, `temporal workflow cancel`). */
export const OPERATOR: ActorRef = { userId: 'system:temporal-operator', name: 'Temporal operator' };

export const OPERATOR_CANCEL_REASON = 'cancellation requested from Temporal by an operator';

/**
 * The audited cancel an operator's request becomes: what an officer's cancel changes, with the
 * operator as its actor; null when the commission had already ended.
 */
export function operatorCancel(s: CommissionView, at: string): Change | null {
  if (isFinal(s.stage)) return null;
  if (hasPatch('termination-notice')) issueTerminationNotice(s, OPERATOR, OPERATOR_CANCEL_REASON, at);
  if (hasPatch('contract-termination-notice')) {
    issueContractTerminationNotice(s, OPERATOR, OPERATOR_CANCEL_REASON, at);
  }
  endCommission(s, OPERATOR, OPERATOR_CANCEL_REASON, at);
  return {
    action: 'commission-cancelled',
    detail: { reason: OPERATOR_CANCEL_REASON, by: 'operator' },
    effects: [],
  };
}
