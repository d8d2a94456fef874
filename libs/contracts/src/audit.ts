import type { CommissionView } from './commission';
import type { ActorRef } from './people';
import type { Stage } from './stages';

/** One accepted change, numbered in workflow order; the unit of audit and of projection. */
export interface CommissionEvent {
  seq: number;
  at: string;
  actor: ActorRef;
  action: string;
  fromStage: Stage | null;
  toStage: Stage;
  detail: Record<string, unknown>;
}

/** Rows the projection writes besides the audit event itself, all keyed so a retry is a no-op. */
export type ProjectionEffect =
  | {
      kind: 'specification-version';
      version: number;
      content: string;
      contentHash: string;
      author: ActorRef;
      createdAt: string;
    }
  | {
      kind: 'sign-off';
      specificationVersion: number;
      member: ActorRef;
      decision: string;
      comment: string;
      at: string;
    }
  | { kind: 'conflict'; member: ActorRef; supplier: string; reason: string; at: string }
  /** The tender closed with these bids: the commission's bid key is released to staff. */
  | { kind: 'bids-opened'; at: string; bidIds: string[] };

export interface CommissionSummary {
  id: string;
  workflowId: string;
  title: string;
  description: string;
  programmeId: string | null;
  regime: string;
  stage: Stage;
  version: number;
  specificationVersion: number | null;
  keyDates: Record<string, string | null>;
  createdAt: string;
  updatedAt: string;
}

export interface Projection {
  commissionId: string;
  event: CommissionEvent;
  summary: CommissionSummary;
  effects: ProjectionEffect[];
  /**
   * The whole state after this event, kept with the commission so every read answers from the
   * read model, even once the workflow is gone. Absent on events recorded before it was kept.
   */
  view?: CommissionView;
}

/**
 * Which workflow task writes a batch of projections, and how. A later task of a commission has a
 * later run or a longer history, so a task's write never lands over a later task's.
 */
export interface ProjectionAttempt {
  /** The run's start (ms since the epoch): a continued run is later than the run it continues. */
  runStartedMs: number;
  /** The workflow's history length as the writing task began. */
  historyLength: number;
  /** Every event up to this one was projected by a task already in the workflow's history. */
  committedThrough: number;
  /**
   * Written from inside a task not yet in history (a local activity): its audit rows stay
   * provisional, replaceable by a retry of the task, until a later task marks them final.
   */
  provisional: boolean;
}
