import type { Actor } from '../people';
import type { StandstillBasis } from './award';

export interface CriterionScore {
  criterion: string;
  score: number;
  comment: string;
}

/** A panel member's scores of one bid on some or all quality criteria; a later one revises. */
export interface ScoreBid {
  actor: Actor;
  bidId: string;
  scores: CriterionScore[];
}

export interface AwardContract {
  actor: Actor;
  bidId: string;
  rationale: string;
  /** Required when the bid is not the top-ranked one. */
  departureReason: string | null;
  /** Read from the opened bids at the edge (the workflow never holds a sealed price). */
  prices: { bidId: string; price: number }[];
  /** Computed once at the edge from the calendar; the workflow records it. */
  standstill: StandstillBasis;
}

export interface RecordChallenge {
  actor: Actor;
  /** Chosen at the edge, so a retried request names the same challenge. */
  challengeId: string;
  reason: string;
}

/** The contract details notice (UK7 for PA2023) was published: meets its 30-day deadline. */
export interface PublishContractNotice {
  actor: Actor;
}

export interface LiftChallenge {
  actor: Actor;
  challengeId: string;
  reason: string;
}
