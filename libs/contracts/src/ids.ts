export const DEFAULT_TASK_QUEUE = 'commissioning';

export function commissionWorkflowId(commissionId: string): string {
  return `commission-${commissionId}`;
}

/**
 * The workflow type every new commission opens as (workflows/commission/commission.workflow.ts).
 * The earlier types (`commissionWorkflow`, `…V2` to `…V4`) stay registered for their runs.
 */
export const COMMISSION_WORKFLOW_TYPE = 'commissionWorkflowV5';
