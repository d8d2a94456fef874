export {
  commissionWorkflow,
  commissionWorkflowV2,
  commissionWorkflowV3,
} from './commission/commission.workflow';
export type { CommissionWorkflowInput } from './commission/commission.workflow';
