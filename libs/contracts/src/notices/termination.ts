import type { ProcurementRegime } from '../calendar/regimes';
import type { ActorRef } from '../people';
import type { Stage } from '../stages';

/**
 * The notice that ends a published procurement without a contract. Recorded when a commission is
 * cancelled after its tender was published and before a contract was entered into.
 */
export const TERMINATION_NOTICE_TYPES = {
  // PA2023 s.55(1)–(2): a procurement termination notice (Find a Tender form UK12) as soon as
  // reasonably practicable after deciding not to award a contract advertised by a tender notice.
  PA2023: 'UK12',
  // PCR2015 reg 55(1)(c): candidates and tenderers are told of the decision not to award a contract
  // for which there was a call for competition, with the grounds.
  PCR2015: 'decision-not-to-award',
  // Below threshold no termination notice is required (PA2023 ss.86–88 apply no s.55); the end of
  // the advertised procurement is recorded so the published tender notice is seen to close.
  'below-threshold': 'below-threshold-termination',
} as const satisfies Record<ProcurementRegime, string>;
export type TerminationNoticeType = (typeof TERMINATION_NOTICE_TYPES)[ProcurementRegime];

/** Stages in which a tender notice is out and no contract has been entered into. */
export const TERMINABLE_STAGES: readonly Stage[] = ['tendering', 'evaluation', 'standstill', 'unsuccessful'];

export interface TerminationNotice {
  type: TerminationNoticeType;
  regime: ProcurementRegime;
  publishedAt: string;
  publishedBy: ActorRef;
  content: { title: string; reason: string; stage: Stage; tenderPublishedAt: string | null };
}

/**
 * The notice that a public contract has ended: recorded when a commission is cancelled in delivery,
 * after its contract was entered into (a procurement terminated before that has TERMINATION_NOTICE_TYPES).
 */
export const CONTRACT_TERMINATION_NOTICE_TYPES = {
  // PA2023 s.80(1): a contract termination notice (Find a Tender form UK11) within 30 days of the
  // contract being terminated; what it says, Procurement Regulations 2024 reg 41.
  PA2023: 'UK11',
  // PCR2015 requires no notice when a contract ends: the termination is recorded, not published.
  PCR2015: 'contract-termination',
  // Below threshold s.80 does not apply (it covers public contracts only): recorded, not published.
  'below-threshold': 'below-threshold-contract-termination',
} as const satisfies Record<ProcurementRegime, string>;
export type ContractTerminationNoticeType = (typeof CONTRACT_TERMINATION_NOTICE_TYPES)[ProcurementRegime];

/** Stages in which a contract has been entered into and is still running. */
export const CONTRACT_STAGES: readonly Stage[] = ['in-delivery'];

export interface ContractTerminationNotice {
  type: ContractTerminationNoticeType;
  regime: ProcurementRegime;
  publishedAt: string;
  publishedBy: ActorRef;
  /** Reg 41(2): the procurement, the supplier, the reasons, the date and the contract's value. */
  content: { title: string; reason: string; supplier: string; value: number; terminatedAt: string };
}
