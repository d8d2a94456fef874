import {
  DropDependencyUpdate,
  STATE_LIMITS,
  actorRef,
  gateOutcome,
  gateWording,
  isFinal,
  type CommissionView,
  type DependencyGateChanged,
  type DependentRecord,
  type DependentRegistered,
  type DropDependency,
  type GateOutcome,
} from '@app/contracts';
import type { Change } from '../kernel/change';
import { defineCommand } from '../kernel/command';
import { invalid, refusal, ruleRefusal, textRefusal, type CommandRefusal } from '../kernel/refusal';

/*
 * Dependency gates, both ends. The commission depended on ("upstream") keeps its dependents and
 * tells each one, once, when its gate is met or can never be; the dependent records what it is told
 * and its tender may then be published. The signalling itself is in kernel/dependency-gates.ts.
 */

const person = ({ userId, name, email }: { userId: string; name: string; email: string }) => ({
  userId,
  name,
  email,
});

// --- upstream: the commission depended on ---------------------------------------------------------

/** Registers a dependent; null when it is already registered (a signal may arrive twice) or no room. */
export function registerDependent(s: CommissionView, sig: DependentRegistered, at: string): Change | null {
  const dependents = s.dependents ?? [];
  if (dependents.some((d) => d.commissionId === sig.commissionId)) return null;
  if (dependents.length >= STATE_LIMITS.dependents) return null;
  s.dependents = [
    ...dependents,
    { commissionId: sig.commissionId, gate: sig.gate, registeredAt: at, told: null, toldAt: null },
  ];
  return {
    action: 'dependent-registered',
    detail: { dependent: sig.commissionId, gate: sig.gate },
    effects: [],
  };
}

/** Whether a dependent could not be registered because the state holds as many as it may. */
export function dependentsFull(s: CommissionView, sig: DependentRegistered): boolean {
  const dependents = s.dependents ?? [];
  return (
    !dependents.some((d) => d.commissionId === sig.commissionId) &&
    dependents.length >= STATE_LIMITS.dependents
  );
}

/**
 * The dependents to tell now: those whose gate has an outcome and who have not been told. Each is
 * marked told here, in the state, so that it is told exactly once, across replays and runs.
 */
export function dueTellings(
  s: CommissionView,
  at: string,
): { dependent: DependentRecord; outcome: GateOutcome }[] {
  const due: { dependent: DependentRecord; outcome: GateOutcome }[] = [];
  for (const d of s.dependents ?? []) {
    if (d.told !== null) continue;
    const outcome = gateOutcome(s, d.gate);
    if (!outcome) continue;
    d.told = outcome.outcome;
    d.toldAt = at;
    due.push({ dependent: d, outcome });
  }
  return due;
}

/** The signal that tells a dependent its gate's outcome. */
export function gateChanged(
  s: CommissionView,
  gate: DependentRecord['gate'],
  outcome: GateOutcome,
  at: string,
): DependencyGateChanged {
  return {
    upstreamId: s.id,
    gate,
    outcome: outcome.outcome,
    at,
    report: outcome.outcome === 'met' ? outcome.report : null,
    reason: outcome.outcome === 'never-to-be-met' ? outcome.reason : null,
    upstreamTitle: s.title,
  };
}

// --- downstream: the dependent commission ---------------------------------------------------------

/**
 * Records what the other commission says of the gate, once: only a waiting gate of the commission
 * named changes, and an ended commission records nothing more. Its officers are told.
 */
export function applyGateChanged(s: CommissionView, sig: DependencyGateChanged): Change | null {
  const gate = s.dependency;
  if (!gate || !s.dependsOn || isFinal(s.stage)) return null;
  if (gate.commissionId !== sig.upstreamId || gate.gate !== sig.gate || gate.status !== 'waiting')
    return null;
  const upstream = sig.upstreamTitle ? `"${sig.upstreamTitle}"` : `commission ${sig.upstreamId}`;
  const officers = s.officers.map(person);
  if (sig.outcome === 'met' && sig.report) {
    gate.status = 'met';
    gate.metAt = sig.at;
    gate.input = { commissionId: sig.upstreamId, reportId: sig.report.reportId, version: sig.report.version };
    return {
      action: 'dependency-gate-met',
      detail: { dependsOn: sig.upstreamId, gate: sig.gate, input: gate.input, metAt: sig.at },
      effects: [],
      messages: [
        {
          message: 'dependency-met',
          recipients: officers,
          facts: {
            upstream,
            upstreamId: sig.upstreamId,
            gate: gateWording(sig.gate),
            reportId: sig.report.reportId,
            reportVersion: String(sig.report.version),
            metAt: sig.at,
          },
        },
      ],
    };
  }
  gate.status = 'never-to-be-met';
  gate.neverAt = sig.at;
  gate.reason = sig.reason ?? 'the other commission ended without it';
  return {
    action: 'dependency-never-to-be-met',
    detail: { dependsOn: sig.upstreamId, gate: sig.gate, reason: gate.reason, at: sig.at },
    effects: [],
    messages: [
      {
        message: 'dependency-never-to-be-met',
        recipients: officers,
        facts: { upstream, upstreamId: sig.upstreamId, gate: gateWording(sig.gate), reason: gate.reason },
      },
    ],
  };
}

/** A dependent whose registration could not be delivered learns the outcome from the read model. */
export function gateChangedFrom(
  upstreamId: string,
  gate: DependentRecord['gate'],
  outcome: GateOutcome,
  at: string,
): DependencyGateChanged {
  return {
    upstreamId,
    gate,
    outcome: outcome.outcome,
    at,
    report: outcome.outcome === 'met' ? outcome.report : null,
    reason: outcome.outcome === 'never-to-be-met' ? outcome.reason : null,
  };
}

// --- drop ------------------------------------------------------------------------------------------

export function checkDropDependency(s: CommissionView, cmd: DropDependency): CommandRefusal | null {
  const r = ruleRefusal('drop-dependency', s, cmd.actor);
  if (r) return r;
  if (!s.dependsOn || !s.dependency)
    return refusal(s, 'no-dependency', 'this commission depends on no other');
  if (s.dependency.status === 'dropped' || s.dependency.status === 'met') {
    return refusal(
      s,
      'no-dependency',
      `the dependency on ${s.dependsOn.gate} of commission ${s.dependsOn.commissionId} is already ${s.dependency.status}`,
      { dependsOn: s.dependsOn.commissionId, gate: s.dependsOn.gate, gateStatus: s.dependency.status },
    );
  }
  if (!cmd.reason.trim()) return invalid(s, 'dropping a dependency needs a reason');
  return textRefusal(s, [['the reason', cmd.reason, 'reason']]);
}

/** The tender no longer waits on the gate; what the other commission says later is ignored. */
export function applyDropDependency(s: CommissionView, cmd: DropDependency, at: string): Change {
  const gate = s.dependency!;
  const was = gate.status;
  gate.status = 'dropped';
  gate.dropped = { by: actorRef(cmd.actor), reason: cmd.reason, at };
  return {
    action: 'dependency-dropped',
    detail: { dependsOn: gate.commissionId, gate: gate.gate, was, reason: cmd.reason },
    effects: [],
  };
}

export const dependencyCommands = [
  defineCommand({
    action: 'drop-dependency',
    update: DropDependencyUpdate,
    check: checkDropDependency,
    apply: applyDropDependency,
  }),
];
