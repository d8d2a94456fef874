import type { Milestone, Stage } from '@app/contracts';
import { londonDateTime } from '../time/london-time';
import { MILESTONE_LABELS, STAGE_LABELS } from './labels';

/** One audit event as the read model keeps it. */
export interface AuditEntry {
  seq: number;
  at: Date;
  actorName: string;
  action: string;
  fromStage: string | null;
  toStage: string;
  detail: Record<string, unknown>;
}

export interface HistoryRow {
  when: string;
  who: string;
  what: string;
  stageChange: string | null;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : String(v ?? ''));

/** What happened, in a sentence; actions added by later stages fall back to their name. */
export function describeEvent(action: string, d: Record<string, unknown>): string {
  switch (action) {
    case 'commission-opened':
      return 'Opened the commission';
    case 'specification-revised':
      return `Wrote version ${str(d.specificationVersion)} of the specification`;
    case 'specification-submitted':
      return `Submitted version ${str(d.specificationVersion)} to the panel, to decide by ${londonDateTime(str(d.respondBy))}`;
    case 'sign-off': {
      const decided =
        d.decision === 'approve'
          ? `Approved version ${str(d.specificationVersion)}`
          : `Asked for changes to version ${str(d.specificationVersion)}: “${str(d.comment)}”`;
      if (d.outcome === 'signed-off') return `${decided}. The specification is signed off`;
      return decided;
    }
    case 'conflict-declared':
      return `Declared a conflict of interest with ${str(d.supplier)}`;
    case 'commission-cancelled':
      return `Cancelled the commission: “${str(d.reason)}”`;
    case 'deadline-moved':
      return `Moved the ${MILESTONE_LABELS[d.milestone as Milestone]?.toLowerCase() ?? str(d.milestone)} deadline from ${londonDateTime(str(d.from))} to ${londonDateTime(str(d.to))}: “${str(d.reason)}”`;
    default: {
      const words = action.replace(/-/g, ' ');
      return words.charAt(0).toUpperCase() + words.slice(1);
    }
  }
}

function stageName(stage: string): string {
  return STAGE_LABELS[stage as Stage]?.text ?? stage;
}

/** The audit history, newest first, as the commission page lists it. */
export function historyRows(events: readonly AuditEntry[]): HistoryRow[] {
  return [...events]
    .sort((a, b) => b.seq - a.seq)
    .map((e) => ({
      when: londonDateTime(e.at),
      who: e.actorName,
      what: describeEvent(e.action, e.detail),
      stageChange:
        e.fromStage !== null && e.fromStage !== e.toStage
          ? `${stageName(e.fromStage)} to ${stageName(e.toStage)}`
          : null,
    }));
}
