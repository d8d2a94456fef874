import type { CommissionView } from './commission';
import type { Action } from './rules';

/** Whether the commission has a dependency an officer could still drop (not met, not dropped). */
export const hasDependencyToDrop = (v: Pick<CommissionView, 'dependsOn' | 'dependency'>): boolean =>
  !!v.dependsOn && !!v.dependency && v.dependency.status !== 'dropped' && v.dependency.status !== 'met';

/**
 * Actions that only make sense when the commission holds something to act on. ACTION_RULES says
 * who and in which stage; this says whether there is anything there, so `allowedActions` does not
 * offer what the workflow would refuse as having nothing to act on.
 */
const APPLIES_WHEN: Partial<Record<Action, (v: CommissionView) => boolean>> = {
  'drop-dependency': hasDependencyToDrop,
};

export const appliesTo = (action: Action, view: CommissionView): boolean =>
  APPLIES_WHEN[action]?.(view) ?? true;
