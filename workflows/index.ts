export { commissionWorkflow } from './commission/commission.workflow';
export type { CommissionWorkflowInput } from './commission/commission.workflow';
