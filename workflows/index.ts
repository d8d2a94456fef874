export {
  commissionWorkflow,
  commissionWorkflowV2,
  commissionWorkflowV3,
  commissionWorkflowV4,
} from './commission/commission.workflow';
export type { CommissionWorkflowInput } from './commission/commission.workflow';
