import { defineUpdate } from '@temporalio/workflow';
import type { CommissionView } from '../commission';
import type {
  AwardContract,
  LiftChallenge,
  PublishContractNotice,
  RecordChallenge,
  ScoreBid,
} from './commands';

export const ScoreBidUpdate = defineUpdate<CommissionView, [ScoreBid]>('ScoreBid');
export const AwardContractUpdate = defineUpdate<CommissionView, [AwardContract]>('AwardContract');
export const RecordChallengeUpdate = defineUpdate<CommissionView, [RecordChallenge]>('RecordChallenge');
export const LiftChallengeUpdate = defineUpdate<CommissionView, [LiftChallenge]>('LiftChallenge');
export const PublishContractNoticeUpdate = defineUpdate<CommissionView, [PublishContractNotice]>(
  'PublishContractNotice',
);
