import type { Actor } from '../people';
import type { AwardCriterion, ShortenedPeriod, TenderPeriodBasis } from './tender';

export interface PublishTender {
  actor: Actor;
  closesAt: string;
  clarificationsCloseAt: string;
  criteria: AwardCriterion[];
  shortenedPeriod: ShortenedPeriod | null;
  /** Computed at the edge from the calendar, with its version; the workflow only compares. */
  period: TenderPeriodBasis;
}

export interface ReopenTender {
  actor: Actor;
  reason: string;
}

export interface AskClarification {
  actor: Actor;
  /** Chosen at the edge, so a retried request names the same question. */
  questionId: string;
  question: string;
}

export interface AnswerClarification {
  actor: Actor;
  questionId: string;
  answer: string;
}

/** Only the receipt of a sealed bid: its content is encrypted by the API and never sent here. */
export interface SubmitBid {
  actor: Actor;
  bidId: string;
  contentHash: string;
  size: number;
}
