import {
  REPORT_KINDS,
  REPORT_MAX_CHARACTERS,
  REVIEW_DECISIONS,
  TEXT_LIMITS,
  type ReportKind,
  type ReviewDecision,
} from '@app/contracts';
import type { Parsed } from './command-forms';
import type { FieldError } from './form-errors';
import { tooLong } from './text-field';

const text = (body: Record<string, unknown>, name: string): string => {
  const v = body[name];
  return typeof v === 'string' ? v.replace(/\r\n/g, '\n') : '';
};

/** A version of a report: which one (interim or final) and its markdown (the API's SubmitReportDto limits). */
export function readReportSubmission(
  body: Record<string, unknown>,
): Parsed<{ kind: ReportKind; content: string }, { kind: string; content: string }> {
  const kind = text(body, 'kind');
  const content = text(body, 'content');
  const entered = { kind, content };
  const errors: FieldError[] = [];
  if (!REPORT_KINDS.includes(kind as ReportKind)) {
    errors.push({ field: 'kind', anchor: 'kind', text: 'Select which report this is' });
  }
  if (!content.trim()) errors.push({ field: 'content', anchor: 'content', text: 'Enter the report' });
  else if (content.length > REPORT_MAX_CHARACTERS) {
    errors.push({ field: 'content', anchor: 'content', text: tooLong('The report', REPORT_MAX_CHARACTERS) });
  }
  if (errors.length) return { value: null, entered, errors };
  return { value: { kind: kind as ReportKind, content }, entered, errors: [] };
}

/** A review of the latest version: accept, or revise with comments saying what to change. */
export function readReportReview(
  body: Record<string, unknown>,
): Parsed<{ decision: ReviewDecision; comments: string }, { decision: string; comments: string }> {
  const decision = text(body, 'decision');
  const comments = text(body, 'comments').trim();
  const entered = { decision, comments };
  const errors: FieldError[] = [];
  if (!REVIEW_DECISIONS.includes(decision as ReviewDecision)) {
    errors.push({
      field: 'decision',
      anchor: 'decision',
      text: 'Select whether to accept the report or ask for a revision',
    });
  } else if (decision === 'revise' && !comments) {
    errors.push({ field: 'comments', anchor: 'comments', text: 'Enter what the supplier should change' });
  }
  if (comments.length > TEXT_LIMITS.comment) {
    errors.push({
      field: 'comments',
      anchor: 'comments',
      text: tooLong('Your comments', TEXT_LIMITS.comment),
    });
  }
  if (errors.length) return { value: null, entered, errors };
  return { value: { decision: decision as ReviewDecision, comments }, entered, errors: [] };
}
