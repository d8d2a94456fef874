import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CommissionView } from './commission';
import type {
  CancelCommission,
  DeclareConflict,
  EditSpecification,
  MoveDeadline,
  SignOff,
  SubmitSpecification,
} from './commands';

/*
 * The one definition of every message the commission workflow answers. Commands are Updates so a
 * refused command is rejected by its validator and never enters history as accepted; each answers
 * with the view after its change has been written to the read model.
 */
export const EditSpecificationUpdate = defineUpdate<CommissionView, [EditSpecification]>('EditSpecification');
export const SubmitSpecificationUpdate = defineUpdate<CommissionView, [SubmitSpecification]>(
  'SubmitSpecification',
);
export const SignOffUpdate = defineUpdate<CommissionView, [SignOff]>('SignOff');
export const DeclareConflictUpdate = defineUpdate<CommissionView, [DeclareConflict]>('DeclareConflict');
export const CancelCommissionUpdate = defineUpdate<CommissionView, [CancelCommission]>('CancelCommission');
export const MoveDeadlineUpdate = defineUpdate<CommissionView, [MoveDeadline]>('MoveDeadline');
/** Waits until every change so far is in the read model; used with start so a create reads its writes. */
export const ProjectedUpdate = defineUpdate<CommissionView, []>('Projected');

export const CommissionStateQuery = defineQuery<CommissionView>('CommissionState');
