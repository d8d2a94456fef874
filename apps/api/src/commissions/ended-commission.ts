import { actionOfUpdate, refusalFor, type Actor, type CommissionView } from '@app/contracts';
import { ProblemException } from '../problem/problem.exception';

/**
 * The answer to a command sent to a commission whose workflow has ended, so no validator can run:
 * the same rules the validator applies, role and membership before stage. Without the view (it
 * could not be read), the stage is all there is to say.
 */
export function endedCommissionRefusal(
  stage: string,
  view: CommissionView | null,
  actor: Actor,
  updateName: string,
): ProblemException {
  const action = actionOfUpdate(updateName);
  const refusal = view && action ? refusalFor(action, view.stage, actor, view) : null;
  if (refusal?.kind === 'forbidden') return ProblemException.forbidden(refusal.reason, view!.stage);
  return ProblemException.conflict(`the commission is ${stage}; it takes no more actions`, stage);
}
