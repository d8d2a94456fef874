import {
  GATE_OF_REPORT,
  MILESTONE_OF_REPORT,
  REPORT_KINDS,
  REPORT_MAX_BYTES,
  REVIEW_DECISIONS,
  ReviewReportUpdate,
  SubmitReportUpdate,
  actorRef,
  reportOfKind,
  type CommissionView,
  type Person,
  type Report,
  type ReportKind,
  type ReviewReport,
  type SubmitReport,
} from '@app/contracts';
import type { Change, MessageSpec } from '../kernel/change';
import { defineCommand } from '../kernel/command';
import { findDeadline, isOpen } from '../kernel/deadlines';
import {
  invalid,
  limitRefusal,
  refusal,
  ruleRefusal,
  textRefusal,
  type CommandRefusal,
} from '../kernel/refusal';

/*
 * Delivery: the reports the contract's supplier owes (the milestones recorded with the contract),
 * their review, and completion. The markdown is in the read model; the workflow keeps receipts.
 * Decided: the final report may be submitted at any time in delivery, but is accepted only once
 * the interim report has been, so the two gates are met in order.
 */

const SHA256_HEX = /^sha256:[0-9a-f]{64}$/;
const person = ({ userId, name, email }: Person): Person => ({ userId, name, email });
const unique = (people: Person[]) =>
  people.filter((p, i) => people.findIndex((q) => q.userId === p.userId) === i);

/** The panel and the officers: who reviews a report. */
const reviewers = (s: CommissionView): Person[] => unique([...s.panel, ...s.officers].map(person));

// --- submitting a version --------------------------------------------------------------------

export function checkSubmitReport(s: CommissionView, cmd: SubmitReport): CommandRefusal | null {
  const r = ruleRefusal('submit-report', s, cmd.actor);
  if (r) return r;
  // The rule admits the contract's supplier and the officers; there is a contract in delivery.
  if (!s.contract) return refusal(s, 'wrong-stage', 'there is no contract on this commission to report on');
  if (!(REPORT_KINDS as readonly string[]).includes(cmd.kind)) {
    return invalid(s, `kind must be one of: ${REPORT_KINDS.join(', ')}`);
  }
  const report = reportOfKind(s, cmd.kind);
  if (report?.versions.some((v) => v.submissionId === cmd.submissionId)) return null;
  if (report?.status === 'accepted') {
    return refusal(
      s,
      'report-already-accepted',
      `the ${cmd.kind} report was accepted at version ${report.acceptedVersion}; it takes no new versions`,
    );
  }
  const text = textRefusal(s, [['the submission id', cmd.submissionId, 'id']]);
  if (text) return text;
  if (typeof cmd.contentHash !== 'string' || !SHA256_HEX.test(cmd.contentHash)) {
    return invalid(s, 'contentHash must be sha256: and 64 lower-case hex digits');
  }
  if (!Number.isInteger(cmd.size) || cmd.size < 1 || cmd.size > REPORT_MAX_BYTES) {
    return invalid(s, `a report is between 1 and ${REPORT_MAX_BYTES} bytes`);
  }
  return limitRefusal(
    s,
    'reportVersions',
    report?.versions.length ?? 0,
    `versions of the ${cmd.kind} report`,
  );
}

export function applySubmitReport(s: CommissionView, cmd: SubmitReport, at: string): Change | null {
  const reports = (s.reports ??= []);
  let report = reportOfKind(s, cmd.kind);
  if (report?.versions.some((v) => v.submissionId === cmd.submissionId)) return null;
  if (!report) {
    // The first submission's id names the report for good; later versions add to it.
    report = {
      reportId: cmd.submissionId,
      kind: cmd.kind,
      status: 'awaiting-review',
      versions: [],
      acceptedVersion: null,
      acceptedAt: null,
    };
    reports.push(report);
  }
  const version = (report.versions.at(-1)?.version ?? 0) + 1;
  const onBehalfOfSupplier = s.contract!.supplier.userId !== cmd.actor.userId;
  const submittedBy = actorRef(cmd.actor);
  report.versions.push({
    version,
    submissionId: cmd.submissionId,
    contentHash: cmd.contentHash,
    size: cmd.size,
    submittedBy,
    onBehalfOfSupplier,
    submittedAt: at,
    review: null,
  });
  report.status = 'awaiting-review';
  const facts = {
    kind: cmd.kind,
    version: String(version),
    reportId: report.reportId,
    submittedBy: submittedBy.name,
  };
  return {
    action: 'report-submitted',
    detail: {
      reportId: report.reportId,
      kind: cmd.kind,
      version,
      submissionId: cmd.submissionId,
      contentHash: cmd.contentHash,
      size: cmd.size,
      onBehalfOfSupplier,
    },
    effects: [],
    messages: [{ message: 'report-submitted', recipients: reviewers(s), facts }],
  };
}

// --- reviewing the latest version --------------------------------------------------------------

export function checkReviewReport(s: CommissionView, cmd: ReviewReport): CommandRefusal | null {
  const r = ruleRefusal('review-report', s, cmd.actor);
  if (r) return r;
  const report = (s.reports ?? []).find((x) => x.reportId === cmd.reportId);
  if (!report) return refusal(s, 'no-such-report', `no report ${cmd.reportId} on this commission`);
  if (report.status === 'accepted') {
    return refusal(
      s,
      'report-already-accepted',
      `the ${report.kind} report was accepted at version ${report.acceptedVersion}`,
    );
  }
  if (report.status !== 'awaiting-review') {
    return refusal(
      s,
      'report-not-awaiting-review',
      `a revision of the ${report.kind} report was requested; it awaits the supplier's next version`,
    );
  }
  if (!(REVIEW_DECISIONS as readonly string[]).includes(cmd.decision)) {
    return invalid(s, `decision must be one of: ${REVIEW_DECISIONS.join(', ')}`);
  }
  // A revision says what to change; an acceptance may say nothing.
  const text = textRefusal(s, [['the comments', cmd.comments ?? '', 'comment', cmd.decision === 'accept']]);
  if (text) return text;
  if (cmd.decision === 'accept' && report.kind === 'final') {
    const interim = reportOfKind(s, 'interim');
    if (interim?.status !== 'accepted') {
      return refusal(
        s,
        'interim-report-not-accepted',
        'the final report is accepted only after the interim report has been',
        { interimReport: interim?.status ?? 'not-submitted' },
      );
    }
    // Completing ends the workflow and every deadline with it: the contract details notice (PA2023
    // s.53(1); s.88 below threshold; PCR2015 reg 50) would then never be recorded.
    const notice = findDeadline(s.deadlines, 'contract-notice');
    if (notice && isOpen(notice)) {
      return refusal(
        s,
        'contract-notice-owed',
        `the final report is accepted only once the contract details notice has been published (due ${notice.dueAt}); accepting it would complete the commission without it`,
        { noticeDueAt: notice.dueAt },
      );
    }
  }
  return null;
}

export function applyReviewReport(s: CommissionView, cmd: ReviewReport, at: string): Change {
  const report = s.reports!.find((x) => x.reportId === cmd.reportId)!;
  const latest = report.versions.at(-1)!;
  const by = actorRef(cmd.actor);
  const comments = cmd.comments ?? '';
  latest.review = { decision: cmd.decision, comments, by, at };
  const supplier = person(s.contract!.supplier);
  const facts = {
    kind: report.kind,
    version: String(latest.version),
    reportId: report.reportId,
    by: by.name,
    comments,
  };
  const detail = {
    reportId: report.reportId,
    kind: report.kind,
    version: latest.version,
    decision: cmd.decision,
    comments,
  };
  if (cmd.decision === 'revise') {
    report.status = 'revision-requested';
    return {
      action: 'report-revision-requested',
      detail,
      effects: [],
      messages: [{ message: 'report-revision-requested', recipients: [supplier], facts }],
    };
  }
  return accept(s, report, at, detail, [supplier, ...s.officers.map(person)], facts);
}

/** Accepting meets the report's deadline and its dependency gate; the final one completes. */
function accept(
  s: CommissionView,
  report: Report,
  at: string,
  detail: Record<string, unknown>,
  told: Person[],
  facts: Record<string, string>,
): Change {
  const version = report.versions.at(-1)!.version;
  report.status = 'accepted';
  report.acceptedVersion = version;
  report.acceptedAt = at;
  const gate = GATE_OF_REPORT[report.kind];
  s.gatesMet = { ...(s.gatesMet ?? {}), [gate]: { at, reportId: report.reportId, version } };
  const completed = report.kind === 'final';
  if (completed) s.stage = 'completed';
  const milestone = MILESTONE_OF_REPORT[report.kind];
  const deadline = findDeadline(s.deadlines, milestone);
  const messages: MessageSpec[] = [
    {
      message: 'report-accepted',
      recipients: unique(told),
      facts: { ...facts, completed: String(completed) },
    },
  ];
  return {
    action: 'report-accepted',
    detail: { ...detail, gateMet: gate, completed },
    effects: [],
    deadlines: deadline && isOpen(deadline) ? [{ close: milestone, reason: 'met' }] : [],
    messages,
  };
}

/** Marks a report overdue once its deadline first escalates with the report still owed. */
export function markOverdue(s: CommissionView, kind: ReportKind, at: string): Change | null {
  if (s.stage !== 'in-delivery' || s.overdueReports?.[kind]) return null;
  if (reportOfKind(s, kind)?.status === 'accepted') return null;
  s.overdueReports = { ...(s.overdueReports ?? {}), [kind]: at };
  return {
    action: 'report-overdue',
    detail: { kind, dueAt: findDeadline(s.deadlines, MILESTONE_OF_REPORT[kind])?.dueAt ?? null },
    effects: [],
  };
}

export const deliveryCommands = [
  defineCommand({
    action: 'submit-report',
    update: SubmitReportUpdate,
    check: checkSubmitReport,
    apply: applySubmitReport,
  }),
  defineCommand({
    action: 'review-report',
    update: ReviewReportUpdate,
    check: checkReviewReport,
    apply: applyReviewReport,
  }),
];
