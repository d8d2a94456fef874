import { DECISIONS, MILESTONES, TEXT_LIMITS, type Decision, type Milestone } from '@app/contracts';
import { readDateTime, type EnteredDateTime } from './date-time-field';
import type { FieldError } from './form-errors';
import { tooLong } from './text-field';

/**
 * The forms' fields read and checked with messages people can act on. The service checks again:
 * these only catch what a person can fix on the page before anything is sent.
 */
export type Parsed<T, Entered> =
  { value: T; entered: Entered; errors: [] } | { value: null; entered: Entered; errors: FieldError[] };

const text = (body: Record<string, unknown>, name: string): string => {
  const v = body[name];
  return typeof v === 'string' ? v : '';
};

/** The hidden key each form carries, so a double click or a resent form acts once. */
export function formKey(body: Record<string, unknown>): string | undefined {
  const key = text(body, 'formKey');
  return /^[A-Za-z0-9-]{16,64}$/.test(key) ? key : undefined;
}

// The API's own limits (TEXT_LIMITS), so the form says what the command would refuse.
const MAX_SPECIFICATION = TEXT_LIMITS.markdown;
const MAX_REASON = TEXT_LIMITS.reason;
const MAX_COMMENT = TEXT_LIMITS.comment;

export function readSpecification(body: Record<string, unknown>): Parsed<string, { content: string }> {
  const content = text(body, 'content').replace(/\r\n/g, '\n');
  const entered = { content };
  if (!content.trim())
    return {
      value: null,
      entered,
      errors: [{ field: 'content', anchor: 'content', text: 'Enter the specification' }],
    };
  if (content.length > MAX_SPECIFICATION) {
    return {
      value: null,
      entered,
      errors: [
        {
          field: 'content',
          anchor: 'content',
          text: tooLong('The specification', MAX_SPECIFICATION),
        },
      ],
    };
  }
  return { value: content, entered, errors: [] };
}

export function readSubmission(
  body: Record<string, unknown>,
  now: Date,
): Parsed<{ respondBy: string }, { respondBy: EnteredDateTime }> {
  const d = readDateTime(body, 'respondBy', 'the panel must decide by', now);
  return d.value
    ? { value: { respondBy: d.value }, entered: { respondBy: d.entered }, errors: [] }
    : { value: null, entered: { respondBy: d.entered }, errors: d.errors };
}

export interface SignOffEntry {
  decision: Decision;
  comment: string;
  specificationVersion: number;
}

export function readSignOff(
  body: Record<string, unknown>,
): Parsed<SignOffEntry, { decision: string; comment: string }> {
  const decision = text(body, 'decision');
  const comment = text(body, 'comment').trim();
  const entered = { decision, comment };
  const version = Number(text(body, 'specificationVersion'));
  const errors: FieldError[] = [];
  if (!DECISIONS.includes(decision as Decision)) {
    errors.push({
      field: 'decision',
      anchor: 'decision',
      text: 'Select whether you approve this version or ask for changes',
    });
  } else if (decision === 'request-changes' && !comment) {
    errors.push({ field: 'comment', anchor: 'comment', text: 'Enter the changes you are asking for' });
  }
  if (comment.length > MAX_COMMENT) {
    errors.push({
      field: 'comment',
      anchor: 'comment',
      text: tooLong('Your comment', MAX_COMMENT),
    });
  }
  if (!Number.isInteger(version) || version < 1) {
    errors.push({
      field: 'decision',
      anchor: 'decision',
      text: 'Reload the page: it does not say which version you are deciding on',
    });
  }
  if (errors.length) return { value: null, entered, errors };
  return {
    value: { decision: decision as Decision, comment, specificationVersion: version },
    entered,
    errors: [],
  };
}

export function readCancellation(
  body: Record<string, unknown>,
): Parsed<{ reason: string }, { reason: string }> {
  const reason = text(body, 'reason').trim();
  const entered = { reason };
  if (!reason)
    return {
      value: null,
      entered,
      errors: [{ field: 'reason', anchor: 'reason', text: 'Enter why the commission is being cancelled' }],
    };
  if (reason.length > MAX_REASON) {
    return {
      value: null,
      entered,
      errors: [{ field: 'reason', anchor: 'reason', text: tooLong('The reason', MAX_REASON) }],
    };
  }
  return { value: { reason }, entered, errors: [] };
}

export interface DeadlineMoveEntry {
  milestone: Milestone;
  dueAt: string;
  reason: string;
}

export function readDeadlineMove(
  body: Record<string, unknown>,
  open: readonly Milestone[],
  now: Date,
): Parsed<DeadlineMoveEntry, { milestone: string; dueAt: EnteredDateTime; reason: string }> {
  const milestone = text(body, 'milestone');
  const reason = text(body, 'reason').trim();
  const due = readDateTime(body, 'dueAt', 'it is now due', now);
  const entered = { milestone, dueAt: due.entered, reason };
  const errors: FieldError[] = [];
  if (!MILESTONES.includes(milestone as Milestone) || !open.includes(milestone as Milestone)) {
    errors.push({ field: 'milestone', anchor: 'milestone', text: 'Select the deadline to move' });
  }
  errors.push(...due.errors);
  if (!reason) errors.push({ field: 'reason', anchor: 'reason', text: 'Enter why the deadline is moving' });
  else if (reason.length > MAX_REASON) {
    errors.push({ field: 'reason', anchor: 'reason', text: tooLong('The reason', MAX_REASON) });
  }
  if (errors.length || !due.value) return { value: null, entered, errors };
  return { value: { milestone: milestone as Milestone, dueAt: due.value, reason }, entered, errors: [] };
}
