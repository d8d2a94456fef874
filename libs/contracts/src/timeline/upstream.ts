import type { CommissionView } from '../commission';
import type { UpstreamGate } from './timeline';

/**
 * The gate a dependent commission waits on, read from the commission it depends on: planned for
 * that commission's report due date (which moves when its deadline moves, so the dependent's plan
 * slips with it), met when the report was accepted. Null without a dependency or an upstream view.
 */
export function upstreamGateOf(
  dependent: CommissionView,
  upstream: CommissionView | null,
): UpstreamGate | null {
  const dependsOn = dependent.dependsOn;
  if (!dependsOn || !upstream || upstream.id !== dependsOn.commissionId) return null;
  const interim = dependsOn.gate === 'interim-report-accepted';
  const met =
    upstream.gatesMet?.[dependsOn.gate]?.at ??
    (dependent.dependency?.status === 'met' ? dependent.dependency.metAt : null);
  return {
    commissionId: upstream.id,
    title: upstream.title,
    gate: dependsOn.gate,
    dueAt: interim ? upstream.milestones.interimReportDueAt : upstream.milestones.finalReportDueAt,
    metAt: met ?? null,
    neverToBeMet: !met && upstream.stage === 'cancelled',
  };
}
