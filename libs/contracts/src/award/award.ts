import type { LegalRule, ProcurementRegime } from '../calendar/regimes';
import type { ActorRef, Person } from '../people';

/*
 * Evaluation, award, standstill and the contract. Scores of quality criteria are the panel's;
 * the price score is computed (scoring.ts) from the opened prices, which the API reads from the
 * sealed bids and sends with the award, so prices never enter the workflow before the award.
 */

/** One panel member's score of one bid on one quality criterion. */
export interface QualityScore {
  member: ActorRef;
  bidId: string;
  criterion: string;
  /** 0–100, whole. */
  score: number;
  comment: string;
  at: string;
  /** How many times this member has revised this score. */
  revisions: number;
}

export interface WithdrawnScore extends QualityScore {
  withdrawnAt: string;
  /** The conflict that withdrew it. */
  reason: string;
}

export interface EvaluationState {
  scores: QualityScore[];
  withdrawn: WithdrawnScore[];
}

/** The standstill's end, computed once at the API edge from the calendar, with its version. */
export interface StandstillBasis {
  regime: ProcurementRegime;
  kind: 'statutory' | 'voluntary' | 'none';
  /** The instant the computation started from (the edge's clock, moments before the award). */
  assumedFrom: string;
  endsAt: string;
  voluntary: string | null;
  rule: LegalRule;
  calendarVersion: string;
}

/** A bidder's scores against the winner's, sent to it alone (PA2023 s.50(2); PCR2015 reg 86(2)). */
export interface AssessmentSummary {
  bidId: string;
  supplier: Person;
  successful: boolean;
  criteria: { name: string; kind: 'quality' | 'price'; weight: number; yours: number; winners: number }[];
  total: number;
  winnersTotal: number;
  rank: number;
}

export interface AwardDecision {
  bidId: string;
  supplier: Person;
  /** The winning bid's price (GBP incl. VAT): the contract's value, published with the award. */
  value: number;
  rationale: string;
  /** Why the bid awarded is not the top-ranked one; null when it is. */
  departureReason: string | null;
  awardedAt: string;
  awardedBy: ActorRef;
  priceScores: { bidId: string; score: number }[];
  ranking: { bidId: string; total: number; rank: number }[];
  summaries: AssessmentSummary[];
  standstill: StandstillBasis;
}

export interface Challenge {
  id: string;
  reason: string;
  recordedAt: string;
  recordedBy: ActorRef;
  lifted: { reason: string; at: string; by: ActorRef } | null;
}

export interface ContractRecord {
  bidId: string;
  supplier: Person;
  value: number;
  startDate: string;
  enteredAt: string;
  /** What the supplier now owes, from the commission's milestones. */
  milestones: { interimReportDueAt: string; finalReportDueAt: string };
}

/** The notice an award is recorded with. */
export const AWARD_NOTICE_TYPES = {
  // PA2023 s.50(1): a contract award notice (Find a Tender form UK6) before entering into the contract.
  PA2023: 'UK6',
  // Below threshold there is no award notice (PA2023 s.50 covers public contracts only); the
  // decision is still recorded for the audit.
  'below-threshold': 'award-decision',
  // PCR2015 reg 86(1): the decision is notified to each bidder; the reg 50 notice follows the contract.
  PCR2015: 'award-decision-notice',
} as const satisfies Record<ProcurementRegime, string>;

/** The notice due within 30 days of entering into the contract. */
export const CONTRACT_NOTICE_TYPES = {
  // PA2023 s.53(1) and (3): a contract details notice (UK7) within 30 days of entering into it.
  PA2023: 'UK7',
  // PA2023 s.88(1) and (2): a notifiable below-threshold contract's details notice within 30 days.
  'below-threshold': 'below-threshold-contract-details-notice',
  // PCR2015 reg 50(1): a contract award notice not later than 30 days after the conclusion.
  PCR2015: 'contract-award-notice',
} as const satisfies Record<ProcurementRegime, string>;

/** Days within which the contract notice is due, in each regime (see CONTRACT_NOTICE_TYPES). */
export const CONTRACT_NOTICE_DAYS = 30;

export interface AwardNotice {
  type: (typeof AWARD_NOTICE_TYPES)[ProcurementRegime] | (typeof CONTRACT_NOTICE_TYPES)[ProcurementRegime];
  regime: ProcurementRegime;
  publishedAt: string;
  publishedBy: ActorRef;
  content: { title: string; supplier: string; value: number; standstillEndsAt?: string; startDate?: string };
}

/** Whether a challenge still suspends entry into the contract. */
export const activeChallenges = (challenges: readonly Challenge[] | undefined): Challenge[] =>
  (challenges ?? []).filter((c) => c.lifted === null);
