import type { Decision } from './commission';
import type { Milestone } from './deadlines';
import type { Actor } from './people';

/** Every command carries the actor the API verified; the workflow never trusts a body for it. */
interface Command {
  actor: Actor;
}

export interface EditSpecification extends Command {
  content: string;
  /** sha256 of the content, computed at the edge where hashing is available. */
  contentHash: string;
}

export interface SubmitSpecification extends Command {
  respondBy: string;
}

export interface SignOff extends Command {
  decision: Decision;
  specificationVersion: number;
  comment: string;
}

export interface DeclareConflict extends Command {
  supplier: string;
  reason: string;
}

export interface CancelCommission extends Command {
  reason: string;
}

export interface MoveDeadline extends Command {
  milestone: Milestone;
  dueAt: string;
  reason: string;
}
