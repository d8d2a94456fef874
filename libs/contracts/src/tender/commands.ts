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
  /**
   * How long the panel has to score the bids once the tender closes (ISO 8601, e.g. P10D): the
   * scoring deadline is the close plus this. The API fills in the configured default; a command
   * without it (from before scoring had a deadline) opens none.
   */
  evaluationPeriod?: string;
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
