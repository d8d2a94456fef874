import type { CommissionView, DependencyGate } from '../commission';
import type { Milestone } from '../deadlines';
import type { ActorRef } from '../people';
import { TEXT_LIMITS } from '../text';

/*
 * Delivery: the reports the contracted supplier owes (issue 11). A report's markdown lives in the
 * read model (report_versions), written by the API before the workflow hears of it, like a sealed
 * bid; the workflow keeps a receipt of each version (its hash and size) and the reviews, so its
 * state stays small whatever the supplier writes.
 */

export const REPORT_KINDS = ['interim', 'final'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REVIEW_DECISIONS = ['accept', 'revise'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/**
 * A report's markdown: at most TEXT_LIMITS.markdown characters (100,000, about 40 pages), and at
 * most this many UTF-8 bytes, so a version always fits one read-model row and one HTTP body.
 */
export const REPORT_MAX_CHARACTERS = TEXT_LIMITS.markdown;
export const REPORT_MAX_BYTES = 400_000;

/** The deadline each report meets, and the dependency gate its acceptance meets. */
export const MILESTONE_OF_REPORT: Readonly<Record<ReportKind, Milestone>> = {
  interim: 'interim-report',
  final: 'final-report',
};
export const GATE_OF_REPORT: Readonly<Record<ReportKind, DependencyGate>> = {
  interim: 'interim-report-accepted',
  final: 'final-report-accepted',
};

export interface ReportReview {
  decision: ReviewDecision;
  comments: string;
  by: ActorRef;
  at: string;
}

/** One submitted version: a receipt of content kept in the read model, and its review once made. */
export interface ReportVersion {
  version: number;
  /** The read-model row holding the markdown (chosen at the edge, so a retry names the same one). */
  submissionId: string;
  contentHash: string;
  /** UTF-8 bytes of the markdown. */
  size: number;
  submittedBy: ActorRef;
  /** True when an officer submitted it on the supplier's behalf. */
  onBehalfOfSupplier: boolean;
  submittedAt: string;
  review: ReportReview | null;
}

/** Where a report stands: waiting for a reviewer, sent back to the supplier, or accepted. */
export type ReportStatus = 'awaiting-review' | 'revision-requested' | 'accepted';

export interface Report {
  reportId: string;
  kind: ReportKind;
  status: ReportStatus;
  versions: ReportVersion[];
  acceptedVersion: number | null;
  acceptedAt: string | null;
}

/** Where each report the supplier owes stands now, for the view, the tasks and the read model. */
export interface ReportStanding {
  kind: ReportKind;
  dueAt: string;
  status: ReportStatus | 'not-submitted';
  /** Due and not yet accepted: the deadline has passed with the report still owed. */
  overdue: boolean;
  reportId: string | null;
  latestVersion: number | null;
}

export const reportOfKind = (s: CommissionView, kind: ReportKind): Report | undefined =>
  (s.reports ?? []).find((r) => r.kind === kind);

/**
 * Each report's standing at `now`. Overdue from the due date (moved deadlines included) or from
 * the workflow's own record of the first escalation, whichever says so first.
 */
export function reportStandings(s: CommissionView, now: number): ReportStanding[] {
  return REPORT_KINDS.map((kind) => {
    const report = reportOfKind(s, kind);
    const deadline = (s.deadlines ?? []).find((d) => d.milestone === MILESTONE_OF_REPORT[kind]);
    const dueAt =
      deadline?.dueAt ??
      (kind === 'interim' ? s.milestones.interimReportDueAt : s.milestones.finalReportDueAt);
    const accepted = report?.status === 'accepted';
    const overdue =
      !accepted &&
      s.stage === 'in-delivery' &&
      (Date.parse(dueAt) <= now || s.overdueReports?.[kind] !== undefined);
    return {
      kind,
      dueAt,
      status: report?.status ?? 'not-submitted',
      overdue,
      reportId: report?.reportId ?? null,
      latestVersion: report?.versions.at(-1)?.version ?? null,
    };
  });
}
