import { defineUpdate } from '@temporalio/workflow';
import type { CommissionView } from '../commission';
import type {
  AnswerClarification,
  AskClarification,
  PublishTender,
  ReopenTender,
  SubmitBid,
} from './commands';

export const PublishTenderUpdate = defineUpdate<CommissionView, [PublishTender]>('PublishTender');
export const ReopenTenderUpdate = defineUpdate<CommissionView, [ReopenTender]>('ReopenTender');
export const AskClarificationUpdate = defineUpdate<CommissionView, [AskClarification]>('AskClarification');
export const AnswerClarificationUpdate = defineUpdate<CommissionView, [AnswerClarification]>(
  'AnswerClarification',
);
export const SubmitBidUpdate = defineUpdate<CommissionView, [SubmitBid]>('SubmitBid');
