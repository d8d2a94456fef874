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
