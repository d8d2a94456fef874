import type { UpdateDefinition } from '@temporalio/common';
import type { CommissionView } from './commission';
import {
  CancelCommissionUpdate,
  DeclareConflictUpdate,
  EditSpecificationUpdate,
  MoveDeadlineUpdate,
  SignOffUpdate,
  SubmitSpecificationUpdate,
} from './messages';
import type { Action } from './rules';
import {
  AnswerClarificationUpdate,
  AskClarificationUpdate,
  PublishTenderUpdate,
  ReopenTenderUpdate,
  SubmitBidUpdate,
} from './tender/messages';
import {
  AwardContractUpdate,
  LiftChallengeUpdate,
  PublishContractNoticeUpdate,
  RecordChallengeUpdate,
  ScoreBidUpdate,
} from './award/messages';
import { DropDependencyUpdate } from './dependency/messages';
import { ReviewReportUpdate, SubmitReportUpdate } from './delivery/messages';

/**
 * The Update each action is sent as. Complete by construction (a new action without its Update
 * does not compile), so the API can name the rule of any command, even to a workflow that has ended.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const UPDATE_OF_ACTION: Readonly<Record<Action, UpdateDefinition<CommissionView, [any]>>> = {
  'edit-specification': EditSpecificationUpdate,
  'submit-specification': SubmitSpecificationUpdate,
  'sign-off': SignOffUpdate,
  'declare-conflict': DeclareConflictUpdate,
  'move-deadline': MoveDeadlineUpdate,
  cancel: CancelCommissionUpdate,
  'publish-tender': PublishTenderUpdate,
  'ask-clarification': AskClarificationUpdate,
  'answer-clarification': AnswerClarificationUpdate,
  'submit-bid': SubmitBidUpdate,
  reopen: ReopenTenderUpdate,
  'score-bid': ScoreBidUpdate,
  award: AwardContractUpdate,
  'record-challenge': RecordChallengeUpdate,
  'lift-challenge': LiftChallengeUpdate,
  'publish-contract-notice': PublishContractNoticeUpdate,
  'drop-dependency': DropDependencyUpdate,
  'submit-report': SubmitReportUpdate,
  'review-report': ReviewReportUpdate,
};

export function actionOfUpdate(updateName: string): Action | undefined {
  return (Object.keys(UPDATE_OF_ACTION) as Action[]).find((a) => UPDATE_OF_ACTION[a].name === updateName);
}
