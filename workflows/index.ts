export {
  commissionWorkflow,
  commissionWorkflowV2,
  commissionWorkflowV3,
  commissionWorkflowV4,
  commissionWorkflowV5,
} from './commission/commission.workflow';
export type { CommissionWorkflowInput } from './commission/commission.workflow';
