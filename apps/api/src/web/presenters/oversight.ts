import {
  formatLongDate,
  isPublished,
  kindOf,
  noticesOf,
  type CommissionView,
  type Timeline,
  type TimelineStage,
  type Verdict,
} from '@app/contracts';
import { escapeHtml } from './markdown';
import { londonDateTime } from '../time/london-time';

type Cell = { text: string } | { html: string };

const TIMELINE_STAGE_NAMES: Record<TimelineStage, string> = {
  'sign-off': 'Panel sign-off',
  'tender-publication': 'Tender published',
  clarifications: 'Clarification questions close',
  'tender-close': 'Tender closes',
  award: 'Award',
  standstill: 'Standstill ends',
  'contract-start': 'Contract starts',
  'interim-report': 'Interim report',
  'final-report': 'Final report',
};

const VERDICT_TAGS: Record<Verdict, { text: string; classes: string }> = {
  'on-track': { text: 'On track', classes: 'govuk-tag--green' },
  'at-risk': { text: 'At risk', classes: 'govuk-tag--yellow' },
  infeasible: { text: 'Cannot be met', classes: 'govuk-tag--red' },
};

export interface TimelineSection {
  verdict: { text: string; classes: string } | null;
  why: string;
  /** The stages still to come, with the last day each can finish and still meet the reports. */
  rows: Cell[][];
}

/** Will the report dates be met? The timeline's verdict and its stages, in words (GET …/timeline). */
export function timelineSection(timeline: Timeline): TimelineSection {
  return {
    verdict: timeline.verdict && VERDICT_TAGS[timeline.verdict],
    why: timeline.why,
    rows: timeline.stages
      .filter((s) => !s.done)
      .map((s) => {
        const tag = VERDICT_TAGS[s.verdict];
        return [
          { text: TIMELINE_STAGE_NAMES[s.stage] ?? s.stage },
          { text: formatLongDate(s.planned) },
          { text: formatLongDate(s.latestFinish) },
          { html: `<strong class="govuk-tag ${tag.classes}">${escapeHtml(tag.text)}</strong>` },
          { text: s.action },
        ];
      }),
  };
}

const NOTICE_KINDS = {
  tender: 'Tender notice',
  award: 'Award',
  contract: 'Contract details',
  termination: 'Termination',
  'contract-termination': 'Contract termination',
} as const;

/** The notices the commission has issued, oldest first; decisions not published say so. */
export function noticeRows(view: CommissionView): Cell[][] {
  return noticesOf(view).map((n) => [
    { text: NOTICE_KINDS[kindOf(n)] },
    { text: n.type },
    { text: londonDateTime(n.publishedAt) },
    { text: `${n.publishedBy.name}${isPublished(n) ? '' : ' (recorded, not published)'}` },
  ]);
}
