import { inWorkflowContext, patched } from '@temporalio/workflow';

/**
 * `patched(id)` for a stage module's command: inside a workflow it marks the history as usual; when
 * the pure stage modules run outside one (their unit and property tests) it is the newest behaviour,
 * which is what those tests describe.
 */
export const newBehaviour = (patchId: string): boolean => !inWorkflowContext() || patched(patchId);
