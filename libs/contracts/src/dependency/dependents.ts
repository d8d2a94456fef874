import type { DependencyGate } from '../commission';
import type { Stage } from '../stages';
import type { GateMet } from './gates';

/** A commission registered as depending on one of this commission's gates. */
export interface DependentRecord {
  commissionId: string;
  gate: DependencyGate;
  registeredAt: string;
  /** What it has been told, once: null until its gate is met or can never be. */
  told: 'met' | 'never-to-be-met' | null;
  toldAt: string | null;
}

/** What a dependent must hear about its gate from where the other commission stands, if anything yet. */
export type GateOutcome =
  { outcome: 'met'; report: GateMet } | { outcome: 'never-to-be-met'; reason: string };

/** The parts of a commission that decide a gate's outcome (the workflow state, or the read model's view). */
export interface GateStanding {
  stage: Stage;
  gatesMet?: Partial<Record<DependencyGate, GateMet>>;
  cancellation: { reason: string } | null;
}

/**
 * A gate is met once the delivery stage records it; it can never be met once the commission is
 * cancelled, or completed without it. Anything else: not yet.
 */
export function gateOutcome(s: GateStanding, gate: DependencyGate): GateOutcome | null {
  const met = s.gatesMet?.[gate];
  if (met) return { outcome: 'met', report: met };
  if (s.stage === 'cancelled') {
    return {
      outcome: 'never-to-be-met',
      reason: `it was cancelled: ${s.cancellation?.reason ?? 'no reason given'}`,
    };
  }
  if (s.stage === 'completed') return { outcome: 'never-to-be-met', reason: `it completed without ${gate}` };
  return null;
}

/** How a gate reads in a sentence: "its interim report is accepted". */
export function gateWording(gate: DependencyGate): string {
  return gate === 'interim-report-accepted' ? 'interim report is accepted' : 'final report is accepted';
}
