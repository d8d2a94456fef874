import {
  AnswerClarificationUpdate,
  AskClarificationUpdate,
  CancelCommissionUpdate,
  DeclareConflictUpdate,
  EditSpecificationUpdate,
  MoveDeadlineUpdate,
  PublishTenderUpdate,
  refusalFor,
  ReopenTenderUpdate,
  SignOffUpdate,
  SubmitBidUpdate,
  SubmitSpecificationUpdate,
  type Action,
  type Actor,
  type CommissionView,
} from '@app/contracts';
import { ProblemException } from '../problem/problem.exception';

const ACTION_OF_UPDATE: ReadonlyMap<string, Action> = new Map<string, Action>([
  [EditSpecificationUpdate.name, 'edit-specification'],
  [SubmitSpecificationUpdate.name, 'submit-specification'],
  [SignOffUpdate.name, 'sign-off'],
  [DeclareConflictUpdate.name, 'declare-conflict'],
  [MoveDeadlineUpdate.name, 'move-deadline'],
  [CancelCommissionUpdate.name, 'cancel'],
  [PublishTenderUpdate.name, 'publish-tender'],
  [ReopenTenderUpdate.name, 'reopen'],
  [AskClarificationUpdate.name, 'ask-clarification'],
  [AnswerClarificationUpdate.name, 'answer-clarification'],
  [SubmitBidUpdate.name, 'submit-bid'],
]);

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
  const action = ACTION_OF_UPDATE.get(updateName);
  const refusal = view && action ? refusalFor(action, view.stage, actor, view) : null;
  if (refusal?.kind === 'forbidden') return ProblemException.forbidden(refusal.reason, view!.stage);
  return ProblemException.conflict(`the commission is ${stage}; it takes no more actions`, stage);
}
