export const DEFAULT_TASK_QUEUE = 'commissioning';

export function commissionWorkflowId(commissionId: string): string {
  return `commission-${commissionId}`;
}
