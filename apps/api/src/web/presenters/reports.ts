import {
  allowedActions,
  reportStandings,
  reportsFor,
  type Actor,
  type CommissionView,
  type ReportKind,
  type ReportStanding,
} from '@app/contracts';
import type { ReportWithContents } from '../../commissions/reports/report-reading';
import { londonDateTime, dueIn } from '../time/london-time';
import { renderMarkdown } from './markdown';

type Status = ReportStanding['status'];

/** Where a report stands, in words, with the GOV.UK tag colour that marks it. */
export const REPORT_STATUS: Record<Status, { text: string; classes: string }> = {
  'not-submitted': { text: 'Awaited', classes: 'govuk-tag--grey' },
  'awaiting-review': { text: 'Submitted', classes: 'govuk-tag--blue' },
  'revision-requested': { text: 'Revision requested', classes: 'govuk-tag--orange' },
  accepted: { text: 'Accepted', classes: 'govuk-tag--green' },
};

export const REPORT_NAMES: Record<ReportKind, string> = {
  interim: 'Interim report',
  final: 'Final report',
};

export interface ReportRow {
  kind: ReportKind;
  name: string;
  due: string;
  /** "due in 3 days", "2 days overdue"; null once accepted. */
  dueIn: string | null;
  status: { text: string; classes: string };
  overdue: boolean;
  versions: number;
  /** The report's own page, once a version exists. */
  href: string | null;
}

export interface ReportsPage {
  rows: ReportRow[];
  /** The kinds this person may submit a version of now (none once accepted). */
  submittable: { value: ReportKind; text: string }[];
  /** "The commission is completed: both reports are accepted." */
  completed: boolean;
}

/** The interim and final reports as this person may read them, where each stands at `now`. */
export function reportsPage(view: CommissionView, actor: Actor, now: Date): ReportsPage {
  const readable = reportsFor(view, actor);
  const mayGiveVersion = allowedActions(view.stage, actor, view).includes('submit-report');
  const rows = reportStandings(view, now.getTime()).map((s): ReportRow => {
    const report = readable.find((r) => r.kind === s.kind);
    const accepted = s.status === 'accepted';
    return {
      kind: s.kind,
      name: REPORT_NAMES[s.kind],
      due: londonDateTime(s.dueAt),
      dueIn: accepted || view.stage !== 'in-delivery' ? null : dueIn(s.dueAt, now),
      status: REPORT_STATUS[s.status],
      overdue: s.overdue,
      versions: report?.versions.length ?? 0,
      href: report ? `/commissions/${view.id}/reports/${report.reportId}` : null,
    };
  });
  return {
    rows,
    submittable: mayGiveVersion
      ? rows.filter((r) => r.status !== REPORT_STATUS.accepted).map((r) => ({ value: r.kind, text: r.name }))
      : [],
    completed: view.stage === 'completed',
  };
}

export interface ReportVersionSection {
  version: number;
  submitted: string;
  /** The markdown as HTML: raw HTML escaped, script links refused (the specification's rendering). */
  html: string;
  review: { decision: string; classes: string; by: string; at: string; comments: string } | null;
}

export interface ReportPage {
  id: string;
  name: string;
  status: { text: string; classes: string };
  /** Newest first: the version a reviewer decides on leads. */
  versions: ReportVersionSection[];
  /** Every review in the order made. */
  reviews: { version: number; decision: string; by: string; at: string; comments: string }[];
  /** The version awaiting review, for the review form; null when none does. */
  awaitingVersion: number | null;
}

const DECISIONS = {
  accept: { text: 'Accepted', classes: 'govuk-tag--green' },
  revise: { text: 'Revision requested', classes: 'govuk-tag--orange' },
} as const;

/** One report's versions, rendered, and its review history. */
export function reportPage(report: ReportWithContents): ReportPage {
  const versions = report.versions.map((v): ReportVersionSection => {
    const submitter = v.onBehalfOfSupplier ? `${v.submittedBy.name}, for the supplier` : v.submittedBy.name;
    return {
      version: v.version,
      submitted: `${londonDateTime(v.submittedAt)} by ${submitter}`,
      html:
        v.content === null
          ? '<p class="govuk-body">The text of this version is not available.</p>'
          : renderMarkdown(v.content),
      review: v.review
        ? {
            decision: DECISIONS[v.review.decision].text,
            classes: DECISIONS[v.review.decision].classes,
            by: v.review.by.name,
            at: londonDateTime(v.review.at),
            comments: v.review.comments,
          }
        : null,
    };
  });
  const latest = report.versions.at(-1);
  return {
    id: report.reportId,
    name: REPORT_NAMES[report.kind],
    status: REPORT_STATUS[report.status],
    versions: [...versions].reverse(),
    reviews: versions.flatMap((v) =>
      v.review
        ? [
            {
              version: v.version,
              decision: v.review.decision,
              by: v.review.by,
              at: v.review.at,
              comments: v.review.comments,
            },
          ]
        : [],
    ),
    awaitingVersion: report.status === 'awaiting-review' && latest ? latest.version : null,
  };
}
