import { inWorkflowContext, patched } from '@temporalio/workflow';

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

export type PatchId = (typeof V2_BASELINE_PATCHES)[number];

// Module state is per workflow run: the SDK gives each run its own instance of workflow modules.
let born: ReadonlySet<string> = new Set();

/** Called first by a workflow type whose runs have had `ids` from their start. */
export function bornWithPatches(ids: readonly PatchId[]): void {
  born = new Set(ids);
}

/** Whether this run has the patch: always, for a run born with it; otherwise as `patched` says. */
export function hasPatch(id: PatchId): boolean {
  return born.has(id) || patched(id);
}

/**
 * `hasPatch(id)` for a stage module's command: inside a workflow it is the run's answer; when the
 * pure stage modules run outside one (their unit and property tests) it is the newest behaviour,
 * which is what those tests describe.
 */
export const newBehaviour = (patchId: PatchId): boolean => !inWorkflowContext() || hasPatch(patchId);
