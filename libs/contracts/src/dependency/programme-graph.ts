import type { CommissionView } from '../commission';
import type { Milestone } from '../deadlines';
import type { Stage } from '../stages';
import type { DependencyGateStatus } from '../tender/tender';
import { gateWording } from './dependents';

/*
 * A programme as people ask about it: each commission's stage and what is due next, the
 * dependencies between them as a graph, and what blocks what in words. Built from the read model's
 * views, only of the commissions the caller may see (the API filters them first).
 */

export interface ProgrammeCommission {
  id: string;
  title: string;
  stage: Stage;
  version: number;
  /** The earliest open deadline: what is due next, and when. */
  nextDue: { milestone: Milestone; dueAt: string } | null;
  milestones: { interimReportDueAt: string; finalReportDueAt: string };
}

export interface ProgrammeEdge {
  /** The commission depended on. */
  from: string;
  /** The dependent commission. */
  to: string;
  gate: string;
  status: DependencyGateStatus;
  /** False when the commission depended on is outside this programme, or hidden from the caller. */
  inProgramme: boolean;
}

export interface Blocker {
  commissionId: string;
  blockedBy: string;
  gate: string;
  status: DependencyGateStatus;
  says: string;
}

export interface ProgrammeGraph {
  commissions: ProgrammeCommission[];
  graph: { nodes: { id: string; title: string; stage: Stage }[]; edges: ProgrammeEdge[] };
  blocking: Blocker[];
}

/** Stages before the tender: only there does an unmet gate hold a commission back. */
const BEFORE_TENDER: readonly Stage[] = ['drafting', 'panel-review', 'signed-off'];

function nextDue(v: CommissionView): ProgrammeCommission['nextDue'] {
  const open = (v.deadlines ?? []).filter((d) => d.closedReason === null);
  open.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  return open[0] ? { milestone: open[0].milestone, dueAt: open[0].dueAt } : null;
}

/**
 * `views` are the programme's commissions the caller may see; `showDependencies` is false for a
 * caller who may not read dependencies (suppliers), who then sees no edges and no blockers.
 */
export function programmeGraph(views: readonly CommissionView[], showDependencies: boolean): ProgrammeGraph {
  const byId = new Map(views.map((v) => [v.id, v]));
  const commissions = views.map((v) => ({
    id: v.id,
    title: v.title,
    stage: v.stage,
    version: v.version,
    nextDue: nextDue(v),
    milestones: v.milestones,
  }));
  const edges: ProgrammeEdge[] = [];
  const blocking: Blocker[] = [];
  for (const v of showDependencies ? views : []) {
    if (!v.dependsOn) continue;
    const status: DependencyGateStatus = v.dependency?.status ?? 'waiting';
    const upstream = byId.get(v.dependsOn.commissionId);
    edges.push({
      from: v.dependsOn.commissionId,
      to: v.id,
      gate: v.dependsOn.gate,
      status,
      inProgramme: upstream !== undefined,
    });
    if ((status !== 'waiting' && status !== 'never-to-be-met') || !BEFORE_TENDER.includes(v.stage)) continue;
    const other = upstream ? `"${upstream.title}"` : `commission ${v.dependsOn.commissionId}`;
    const where = upstream ? ` (${other} is in ${upstream.stage})` : '';
    const gate = gateWording(v.dependsOn.gate);
    blocking.push({
      commissionId: v.id,
      blockedBy: v.dependsOn.commissionId,
      gate: v.dependsOn.gate,
      status,
      says:
        status === 'waiting'
          ? `"${v.title}" cannot publish its tender until ${other}'s ${gate}${where}.`
          : `"${v.title}" waits until ${other}'s ${gate}, which will never happen (${v.dependency?.reason ?? 'it ended'}); an officer may drop the dependency with a reason.`,
    });
  }
  return {
    commissions,
    graph: { nodes: commissions.map(({ id, title, stage }) => ({ id, title, stage })), edges },
    blocking,
  };
}
