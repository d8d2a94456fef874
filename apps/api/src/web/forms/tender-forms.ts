import { CRITERION_KINDS, TEXT_LIMITS, type AwardCriterion, type CriterionKind } from '@app/contracts';
import type { TenderTerms } from '../../commissions/tender/publish-tender.command';
import type { Parsed } from './command-forms';
import { readDateTime, type EnteredDateTime } from './date-time-field';
import type { FieldError } from './form-errors';
import { tooLong } from './text-field';

/*
 * The tender, bid, scoring and award forms' fields, read and checked with messages people can act
 * on. The service checks again (weights, lawful periods, who may score): these only catch what a
 * person can fix on the page before anything is sent.
 */

const text = (body: Record<string, unknown>, name: string): string => {
  const v = body[name];
  return typeof v === 'string' ? v.trim() : '';
};

/** How many criterion rows the publish form offers. */
export const CRITERION_ROWS = 4;
// The API's own limits (TEXT_LIMITS): a score's comment, and the award's rationale and departure reason.
const MAX_SCORE_COMMENT = TEXT_LIMITS.comment;
const MAX_AWARD_REASON = TEXT_LIMITS.reason;

export interface EnteredCriterion {
  name: string;
  kind: string;
  weight: string;
}

export interface EnteredTender {
  closesAt: EnteredDateTime;
  clarificationsCloseAt: EnteredDateTime;
  criteria: EnteredCriterion[];
  evaluationDays: string;
}

export function readTender(body: Record<string, unknown>, now: Date): Parsed<TenderTerms, EnteredTender> {
  const closes = readDateTime(body, 'closesAt', 'the tender closes', now);
  const questions = readDateTime(body, 'clarificationsCloseAt', 'clarification questions close', now);
  const criteria = Array.from({ length: CRITERION_ROWS }, (_, i) => ({
    name: text(body, `criterion-${i + 1}-name`),
    kind: text(body, `criterion-${i + 1}-kind`),
    weight: text(body, `criterion-${i + 1}-weight`),
  }));
  const evaluationDays = text(body, 'evaluationDays');
  const entered = {
    closesAt: closes.entered,
    clarificationsCloseAt: questions.entered,
    criteria,
    evaluationDays,
  };
  const errors: FieldError[] = [...closes.errors, ...questions.errors];
  const named = criteria.map((c, i) => ({ ...c, row: i + 1 })).filter((c) => c.name || c.weight);
  if (named.length === 0) {
    errors.push({
      field: 'criterion-1-name',
      anchor: 'criterion-1-name',
      text: 'Enter at least one award criterion',
    });
  }
  const parsed: AwardCriterion[] = [];
  for (const c of named) {
    const at = `criterion-${c.row}`;
    if (!c.name)
      errors.push({
        field: `${at}-name`,
        anchor: `${at}-name`,
        text: `Enter the name of criterion ${c.row}`,
      });
    if (!CRITERION_KINDS.includes(c.kind as CriterionKind)) {
      errors.push({
        field: `${at}-kind`,
        anchor: `${at}-kind`,
        text: `Select whether criterion ${c.row} is quality or price`,
      });
    }
    const weight = Number(c.weight);
    if (!/^\d+$/.test(c.weight) || weight < 1 || weight > 100) {
      errors.push({
        field: `${at}-weight`,
        anchor: `${at}-weight`,
        text: `Enter the weight of criterion ${c.row} as a whole percentage from 1 to 100`,
      });
    }
    parsed.push({ name: c.name, kind: c.kind as CriterionKind, weight });
  }
  if (
    evaluationDays &&
    (!/^\d+$/.test(evaluationDays) || Number(evaluationDays) < 1 || Number(evaluationDays) > 366)
  ) {
    errors.push({
      field: 'evaluationDays',
      anchor: 'evaluationDays',
      text: 'Enter the days the panel has to score as a whole number from 1 to 366',
    });
  }
  if (errors.length || !closes.value || !questions.value) return { value: null, entered, errors };
  return {
    value: {
      closesAt: closes.value,
      clarificationsCloseAt: questions.value,
      criteria: parsed,
      shortenedPeriod: null,
      ...(evaluationDays ? { evaluationPeriod: `P${Number(evaluationDays)}D` } : {}),
    },
    entered,
    errors: [],
  };
}

export function readBid(
  body: Record<string, unknown>,
): Parsed<{ price: number; proposal: string }, { price: string; proposal: string }> {
  const price = text(body, 'price');
  const proposal = text(body, 'proposal').replace(/\r\n/g, '\n');
  const entered = { price, proposal };
  const errors: FieldError[] = [];
  const amount = Number(price.replace(/[£,\s]/g, ''));
  if (!price) errors.push({ field: 'price', anchor: 'price', text: 'Enter your price in pounds' });
  else if (!/^£?[\d,]+(\.\d{1,2})?$/.test(price.replace(/\s/g, '')) || !(amount > 0)) {
    errors.push({
      field: 'price',
      anchor: 'price',
      text: 'Enter your price in pounds, like 47,000 or 47000.50',
    });
  }
  if (!proposal) errors.push({ field: 'proposal', anchor: 'proposal', text: 'Enter your proposal' });
  else if (proposal.length > 200_000) {
    errors.push({
      field: 'proposal',
      anchor: 'proposal',
      text: 'Your proposal must be 200,000 characters or fewer',
    });
  }
  if (errors.length) return { value: null, entered, errors };
  return { value: { price: amount, proposal }, entered, errors: [] };
}

export interface ScoreEntry {
  bidId: string;
  scores: { criterion: string; score: number; comment: string }[];
}

/** One bid's scores on the quality criteria, named `score-N` and `comment-N` in criteria order. */
export function readScores(
  body: Record<string, unknown>,
  quality: readonly string[],
): Parsed<ScoreEntry, { bidId: string; scores: { score: string; comment: string }[] }> {
  const bidId = text(body, 'bidId');
  const scores = quality.map((_, i) => ({
    score: text(body, `score-${i + 1}`),
    comment: text(body, `comment-${i + 1}`),
  }));
  const entered = { bidId, scores };
  const errors: FieldError[] = [];
  scores.forEach((s, i) => {
    const name = quality[i];
    if (!/^\d{1,3}$/.test(s.score) || Number(s.score) > 100) {
      errors.push({
        field: `score-${i + 1}`,
        anchor: `bid-${bidId}-score-${i + 1}`,
        text: `Enter a score for ${name} from 0 to 100`,
      });
    }
    if (!s.comment)
      errors.push({
        field: `comment-${i + 1}`,
        anchor: `bid-${bidId}-comment-${i + 1}`,
        text: `Enter a comment on ${name}`,
      });
    else if (s.comment.length > MAX_SCORE_COMMENT) {
      errors.push({
        field: `comment-${i + 1}`,
        anchor: `bid-${bidId}-comment-${i + 1}`,
        text: tooLong(`The comment on ${name}`, MAX_SCORE_COMMENT),
      });
    }
  });
  if (errors.length) return { value: null, entered, errors };
  return {
    value: {
      bidId,
      scores: scores.map((s, i) => ({ criterion: quality[i], score: Number(s.score), comment: s.comment })),
    },
    entered,
    errors: [],
  };
}

export interface AwardEntry {
  bidId: string;
  rationale: string;
  departureReason: string | null;
  voluntaryStandstill: string | null;
}

export function readAward(
  body: Record<string, unknown>,
): Parsed<
  AwardEntry,
  { bidId: string; rationale: string; departureReason: string; voluntaryStandstill: string }
> {
  const entered = {
    bidId: text(body, 'bidId'),
    rationale: text(body, 'rationale'),
    departureReason: text(body, 'departureReason'),
    voluntaryStandstill: text(body, 'voluntaryStandstill'),
  };
  const errors: FieldError[] = [];
  if (!entered.bidId)
    errors.push({ field: 'bidId', anchor: 'bidId', text: 'Select the bid to award the contract to' });
  if (!entered.rationale)
    errors.push({ field: 'rationale', anchor: 'rationale', text: 'Enter the reasons for the award' });
  for (const [field, value, what] of [
    ['rationale', entered.rationale, 'The reasons'],
    ['departureReason', entered.departureReason, 'The reason for departing from the ranking'],
  ] as const) {
    if (value.length > MAX_AWARD_REASON)
      errors.push({ field, anchor: field, text: tooLong(what, MAX_AWARD_REASON) });
  }
  if (errors.length) return { value: null, entered, errors };
  return {
    value: {
      bidId: entered.bidId,
      rationale: entered.rationale,
      departureReason: entered.departureReason || null,
      voluntaryStandstill: entered.voluntaryStandstill || null,
    },
    entered,
    errors: [],
  };
}
