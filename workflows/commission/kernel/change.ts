import type { Milestone, MessageKind, ProjectionEffect } from '@app/contracts';

/**
 * What a deadline does because of a change. The core applies these; no stage calls deadline
 * functions itself. `open` starts a new version of the milestone's deadline (closing the previous
 * one as met), `onDue` names the transition that runs by itself when it falls due.
 */
export type DeadlineChange =
  | { open: Milestone; dueAt: string; onDue?: string }
  | { move: Milestone; dueAt: string }
  | { close: Milestone; reason: 'met' | 'cancelled' };

/** A message to send once the change is recorded, to the recipients the stage names. */
export interface MessageSpec {
  message: MessageKind;
  recipients: { userId: string; name: string; email: string }[];
  facts: Record<string, string>;
}

/** What one accepted command or on-due transition changed: audited, projected, and acted on. */
export interface Change {
  action: string;
  detail: Record<string, unknown>;
  effects: ProjectionEffect[];
  deadlines?: DeadlineChange[];
  messages?: MessageSpec[];
}
