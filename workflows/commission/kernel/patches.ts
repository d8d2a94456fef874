import { inWorkflowContext, patched, workflowInfo } from '@temporalio/workflow';

/**
 * Every patch the commission workflow had when `commissionWorkflowV2` was introduced. A run of that
 * type has all of them from its first task, so it asks for none and records no marker for them
 * (each marker also cost a search-attribute upsert and a visibility write). Runs of
 * `commissionWorkflow` opened before V2 keep asking, as their histories say. A patch added later
 * goes through `patched` in both types, and is not added here.
 */
export const V2_BASELINE_PATCHES = [
  'deadlines',
  'collapse-missed-reminders',
  'view-in-read-model',
  'projection-in-workflow-task',
  'projection-batches',
  'wake-scheduler-for-deadline-changes',
  'search-attributes',
  'dependency-gates',
  'messages',
  'scoring-deadline',
  'delivery-reports',
  'record-abandoned-deliveries',
  'termination-notice',
] as const;

/** The first workflow type, whose runs ask for every patch: see commission.workflow.ts. */
export const FIRST_WORKFLOW_TYPE = 'commissionWorkflow';

// eslint-disable-next-line no-restricted-syntax -- read only
const BASELINE: ReadonlySet<string> = new Set(V2_BASELINE_PATCHES);

/**
 * Whether this run has the patch: always, for a run of a type born with it; otherwise as `patched`
 * says. Decided by the run's own type, which its history fixes, so no state is kept here.
 */
export function hasPatch(id: string): boolean {
  return (BASELINE.has(id) && workflowInfo().workflowType !== FIRST_WORKFLOW_TYPE) || patched(id);
}

/**
 * `hasPatch(id)` for a stage module's command: inside a workflow it is the run's answer; when the
 * pure stage modules run outside one (their unit and property tests) it is the newest behaviour,
 * which is what those tests describe.
 */
export const newBehaviour = (patchId: string): boolean => !inWorkflowContext() || hasPatch(patchId);
