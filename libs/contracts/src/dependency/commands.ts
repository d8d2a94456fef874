import type { Actor } from '../people';

/** An officer drops the commission's dependency, with a reason, so the tender no longer waits. */
export interface DropDependency {
  actor: Actor;
  reason: string;
}
