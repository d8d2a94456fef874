import { defineSignal } from '@temporalio/workflow';
import type { DependencyGate } from '../commission';

/*
 * How one commission learns that another's gate is met, durably and without polling: the dependent
 * workflow registers itself with the one it depends on, and that one signals back when the gate is
 * met (or can never be, because it was cancelled). Both ends are workflows, so a signal survives a
 * worker crash and is recorded in both histories.
 */

/** What the delivery stage records when a report is accepted: the gate it meets. */
export interface GateMet {
  at: string;
  reportId: string;
  version: number;
}

/** Sent by a dependent commission's workflow to the one it depends on. */
export interface DependentRegistered {
  commissionId: string;
  gate: DependencyGate;
}

/** Sent back by the commission depended on: once when the gate is met, or once when it never will be. */
export interface DependencyGateChanged {
  upstreamId: string;
  gate: DependencyGate;
  outcome: 'met' | 'never-to-be-met';
  at: string;
  /** The accepted report that met the gate; null when never to be met. */
  report: GateMet | null;
  /** Why it will never be met (the cancellation's reason); null when met. */
  reason: string | null;
  /** The other commission's title, for the message its officers get (absent from older signals). */
  upstreamTitle?: string;
}

export const DependentRegisteredSignal = defineSignal<[DependentRegistered]>('DependentRegistered');
export const DependencyGateChangedSignal = defineSignal<[DependencyGateChanged]>('DependencyGateChanged');
