export { commissionWorkflow, commissionWorkflowV2 } from './commission/commission.workflow';
export type { CommissionWorkflowInput } from './commission/commission.workflow';
