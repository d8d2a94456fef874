import { inWorkflowContext, patched, workflowInfo } from '@temporalio/workflow';

/**
 * Every patch the commission workflow had when `commissionWorkflowV2` was introduced. A run of that
 * type has all of them from its first task, so it asks for none and records no marker for them
 * (each marker also cost a search-attribute upsert and a visibility write). Runs of
 * `commissionWorkflow` opened before V2 keep asking, as their histories say. A patch added later
 * either goes through `patched` in the older types, or is born with a later type and never taken
 * by the older ones (`bornWith`); it is not added here.
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

/**
 * `commissionWorkflowV3` adds the patches below to V2's. Runs of the older types never take them
 * (see `bornWith`): their histories, recorded or running, stay as they are, with no marker.
 */
export const V3_BASELINE_PATCHES = [...V2_BASELINE_PATCHES, 'notifications-in-task'] as const;

/** `commissionWorkflowV4`: a task's projection and notifications in one write (task-writes.ts). */
export const V4_BASELINE_PATCHES = [...V3_BASELINE_PATCHES, 'writes-together-in-task'] as const;

/** `commissionWorkflowV5`: the deadline scheduler wakes ahead of a far time (scheduler.ts). */
export const V5_BASELINE_PATCHES = [...V4_BASELINE_PATCHES, 'wake-ahead'] as const;

/** The first workflow type, whose runs ask for every patch: see commission.workflow.ts. */
export const FIRST_WORKFLOW_TYPE = 'commissionWorkflow';

/** The patches each later type is born with; a type not listed (the first) is born with none. */
// eslint-disable-next-line no-restricted-syntax -- read only
const BASELINES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['commissionWorkflowV2', new Set<string>(V2_BASELINE_PATCHES)],
  ['commissionWorkflowV3', new Set<string>(V3_BASELINE_PATCHES)],
  ['commissionWorkflowV4', new Set<string>(V4_BASELINE_PATCHES)],
  ['commissionWorkflowV5', new Set<string>(V5_BASELINE_PATCHES)],
]);

/**
 * Whether this run has the patch: always, for a run of a type born with it; otherwise as `patched`
 * says. Decided by the run's own type, which its history fixes, so no state is kept here.
 */
export function hasPatch(id: string): boolean {
  return bornWith(id) || patched(id);
}

/**
 * Whether this run's type was born with the behaviour. For a change that runs of older types never
 * take, so their histories need no marker to say when they did: the type, fixed by the history,
 * decides it.
 */
export function bornWith(id: string): boolean {
  return BASELINES.get(workflowInfo().workflowType)?.has(id) === true;
}

/**
 * `hasPatch(id)` for a stage module's command: inside a workflow it is the run's answer; when the
 * pure stage modules run outside one (their unit and property tests) it is the newest behaviour,
 * which is what those tests describe.
 */
export const newBehaviour = (patchId: string): boolean => !inWorkflowContext() || hasPatch(patchId);
