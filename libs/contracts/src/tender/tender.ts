import type { LegalRule, ProcurementRegime, TenderPeriodGround } from '../calendar/regimes';
import { isDuration, parseDuration } from '../duration';
import type { ActorRef, Person } from '../people';

/*
 * The tender stage's data: what a published tender says, the notice it was published with, the
 * clarification questions and the receipts of sealed bids. Bid content and price are never here:
 * the API keeps them encrypted outside the workflow (see apps/api/src/commissions/bids).
 */

export const CRITERION_KINDS = ['quality', 'price'] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];

export interface AwardCriterion {
  name: string;
  kind: CriterionKind;
  /** Percent; the weights of a tender sum to 100. */
  weight: number;
}

export interface ShortenedPeriod {
  ground: TenderPeriodGround;
  justification: string;
}

/**
 * The earliest lawful close, computed once at the API edge from the calendar (the workflow never
 * reads the calendar, so a holiday announced later cannot change a recorded decision on replay).
 */
export interface TenderPeriodBasis {
  regime: ProcurementRegime;
  ground: TenderPeriodGround | null;
  /** The publication instant the computation assumed (the edge's clock, moments before the workflow's). */
  assumedPublishedAt: string;
  minimumDays: number;
  earliestLawfulClose: string;
  rule: LegalRule;
  calendarVersion: string;
}

/** The notice a tender is published with, kept for the notices and OCDS issues. */
export const TENDER_NOTICE_TYPES = {
  // PA2023 s.21(1): a tender notice (Find a Tender form UK4).
  PA2023: 'UK4',
  // PA2023 s.87: a notifiable below-threshold contract is advertised with a below-threshold tender notice.
  'below-threshold': 'below-threshold-tender-notice',
  // PCR2015 reg 49: the call for competition is a contract notice.
  PCR2015: 'contract-notice',
} as const satisfies Record<ProcurementRegime, string>;
export type TenderNoticeType = (typeof TENDER_NOTICE_TYPES)[ProcurementRegime];

export interface Notice {
  type: TenderNoticeType;
  regime: ProcurementRegime;
  publishedAt: string;
  publishedBy: ActorRef;
  /** What the notice says, in brief: enough to build the OCDS tender release from. */
  content: {
    title: string;
    description: string;
    closesAt: string;
    clarificationsCloseAt: string;
    criteria: AwardCriterion[];
    specificationVersion: number;
    shortenedPeriod: ShortenedPeriod | null;
  };
}

/** An evaluation period: longer than a second, at most a year (a year of scoring is a stalled tender). */
export function isEvaluationPeriod(text: string): boolean {
  return isDuration(text) && parseDuration(text) >= 1_000 && parseDuration(text) <= 366 * 86_400_000;
}

export interface Tender {
  /** 1 for the first tender; a re-tender after an unsuccessful one is 2, and so on. */
  round: number;
  publishedAt: string;
  publishedBy: ActorRef;
  closesAt: string;
  clarificationsCloseAt: string;
  criteria: AwardCriterion[];
  /** The tender document: the signed-off specification version. */
  document: { specificationVersion: number; contentHash: string };
  period: TenderPeriodBasis;
  shortenedPeriod: ShortenedPeriod | null;
  closedAt: string | null;
  outcome: 'open' | 'bids-opened' | 'no-bids';
  /** The panel's time to score after the close (ISO 8601); absent on tenders from before it. */
  evaluationPeriod?: string;
}

export interface Clarification {
  id: string;
  question: string;
  /** Never shown to other suppliers (see read-rules). */
  askedBy: Person;
  askedAt: string;
  answer: { text: string; by: ActorRef; at: string } | null;
}

/**
 * What the workflow knows of a sealed bid: who, when, and a hash and size of the sealed content.
 * The content hash is sha256 of the sealed plaintext, which carries a random salt, so the hash
 * cannot be used to guess a price.
 */
export interface BidReceipt {
  bidId: string;
  supplier: Person;
  submittedAt: string;
  contentHash: string;
  size: number;
  status: 'current' | 'superseded';
  /** The bid this one replaced. */
  supersedes: string | null;
}

/** Where a dependency gate stands: `dropped` by an officer with a reason, so it no longer holds. */
export const DEPENDENCY_GATE_STATUSES = ['waiting', 'met', 'never-to-be-met', 'dropped'] as const;
export type DependencyGateStatus = (typeof DEPENDENCY_GATE_STATUSES)[number];

/** The accepted report of the other commission that met the gate: an input to this commission. */
export interface InputDocument {
  commissionId: string;
  reportId: string;
  version: number;
}

/** A commission's dependency gate: until it is met (or dropped) the tender cannot be published. */
export interface DependencyGateState {
  commissionId: string;
  gate: string;
  status: DependencyGateStatus;
  metAt: string | null;
  /* Optional: gates recorded before the dependency stage existed have none of these. */
  /** Set when met: the accepted report, linked as an input document. */
  input?: InputDocument | null;
  /** When it became never-to-be-met, and why (the other commission's cancellation reason). */
  neverAt?: string | null;
  reason?: string | null;
  /** An officer dropped the dependency: who, when and why. */
  dropped?: { by: ActorRef; reason: string; at: string } | null;
}

/** How the regime was chosen: derived from the value and the date, or chosen (and justified). */
export interface RegimeBasis {
  source: 'derived' | 'chosen' | 'default';
  reason: string;
  /** Set when the chosen regime contradicts the value and date. */
  contradiction: string | null;
  justification: string | null;
  decidedOn: string;
}
