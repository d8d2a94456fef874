export const DEFAULT_TASK_QUEUE = 'commissioning';

export function commissionWorkflowId(commissionId: string): string {
  return `commission-${commissionId}`;
}

/**
 * The workflow type every new commission opens as (workflows/commission/commission.workflow.ts).
 * `commissionWorkflow`, the first type, stays registered for the runs opened before it.
 */
export const COMMISSION_WORKFLOW_TYPE = 'commissionWorkflowV2';
