import type { Deadline, DeadlineMove } from './deadlines';
import type { ActorRef, PanelMember, Person } from './people';
import type { Stage } from './stages';
import type {
  BidReceipt,
  Clarification,
  DependencyGateState,
  Notice,
  RegimeBasis,
  Tender,
} from './tender/tender';
import type { AwardDecision, AwardNotice, Challenge, ContractRecord, EvaluationState } from './award/award';
import type { GateMet } from './dependency/gates';
import type { DependentRecord } from './dependency/dependents';
import type { DeliveryPlan } from './timeline/timeline';
import type { ContractTerminationNotice, TerminationNotice } from './notices/termination';
import type { Report, ReportKind } from './delivery/reports';

/** The procurement regimes (see calendar/regimes.ts for each one's rules). */
/** The procurement regimes, with their rules as data in ./calendar/regimes.ts. */
export { PROCUREMENT_REGIMES as REGIMES, type ProcurementRegime as Regime } from './calendar/regimes';
import type { ProcurementRegime as Regime } from './calendar/regimes';

export type SignOffRule = { mode: 'unanimous' } | { mode: 'quorum'; quorum: number; chairRequired: boolean };

export interface Milestones {
  interimReportDueAt: string;
  finalReportDueAt: string;
}

export interface ReminderPolicy {
  /** ISO 8601 durations before a due date at which a reminder goes out. */
  before: string[];
  /** ISO 8601 duration between escalations once a due date has passed. */
  overdueEvery: string;
}

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = {
  before: ['P14D', 'P7D', 'P1D'],
  overdueEvery: 'P7D',
};

export const DEPENDENCY_GATES = ['interim-report-accepted', 'final-report-accepted'] as const;
export type DependencyGate = (typeof DEPENDENCY_GATES)[number];

export interface Dependency {
  commissionId: string;
  gate: DependencyGate;
}

/** Everything needed to open a commission; validated at the API edge before it gets here. */
export interface NewCommission {
  id: string;
  title: string;
  description: string;
  programmeId: string | null;
  regime: Regime;
  panel: PanelMember[];
  officers: Person[];
  observers: Person[];
  signOffRule: SignOffRule;
  milestones: Milestones;
  reminderPolicy: ReminderPolicy;
  dependsOn: Dependency | null;
  createdBy: ActorRef;
  /** GBP including VAT, in pounds (two decimals at most); null when not given. */
  estimatedValue?: number | null;
  regimeBasis?: RegimeBasis;
  /** How long the supplier needs from contract to each report; absent: DEFAULT_DELIVERY_PLAN. */
  deliveryPlan?: DeliveryPlan | null;
}

export interface SpecificationVersionSummary {
  version: number;
  contentHash: string;
  author: ActorRef;
  createdAt: string;
  /** Comments from a sign-off round that sent this version back to drafting. */
  changeRequests: { member: ActorRef; comment: string; at: string }[];
}

export const DECISIONS = ['approve', 'request-changes'] as const;
export type Decision = (typeof DECISIONS)[number];

export interface SignOffDecision {
  member: ActorRef;
  decision: Decision;
  comment: string;
  at: string;
}

export type SignOffOutcome = 'open' | 'signed-off' | 'changes-requested' | 'withdrawn';

export interface SignOffRound {
  specificationVersion: number;
  respondBy: string;
  openedAt: string;
  decisions: SignOffDecision[];
  outcome: SignOffOutcome;
}

export interface SignOffTally {
  approvals: number;
  changeRequests: number;
  /** Panel members who have not decided on the version under review. */
  awaiting: ActorRef[];
  needed: string;
}

export interface ConflictOfInterest {
  member: ActorRef;
  supplier: string;
  reason: string;
  declaredAt: string;
}

export interface CommissionView {
  id: string;
  workflowId: string;
  title: string;
  description: string;
  programmeId: string | null;
  regime: Regime;
  stage: Stage;
  /** Grows by one with every accepted change; equals the sequence number of the last audit event. */
  version: number;
  createdAt: string;
  createdBy: ActorRef;
  updatedAt: string;
  panel: PanelMember[];
  officers: Person[];
  observers: Person[];
  signOffRule: SignOffRule;
  milestones: Milestones;
  reminderPolicy: ReminderPolicy;
  dependsOn: Dependency | null;
  specification: {
    currentVersion: number | null;
    versions: SpecificationVersionSummary[];
  };
  signOff: {
    current: SignOffRound | null;
    tally: SignOffTally | null;
    rounds: SignOffRound[];
  };
  conflicts: ConflictOfInterest[];
  cancellation: { reason: string; by: ActorRef; at: string } | null;
  /** Absent on commissions opened before deadlines were tracked (see the `deadlines` patch). */
  deadlines?: Deadline[];
  deadlineMoves?: DeadlineMove[];
  /*
   * Optional because running workflows and recorded histories hold states from before the tender
   * stage existed.
   */
  estimatedValue?: number | null;
  regimeBasis?: RegimeBasis;
  /** The gate of `dependsOn`, waiting until the delivery stage of the other commission meets it. */
  dependency?: DependencyGateState | null;
  tender?: Tender | null;
  /** Earlier tenders of this commission (one closed with no bids, then re-drafted). */
  pastTenders?: Tender[];
  notices?: (Notice | AwardNotice | TerminationNotice | ContractTerminationNotice)[];
  clarifications?: Clarification[];
  bids?: { receipts: BidReceipt[] };
  /**
   * The ids of the last updates applied (at most STATE_LIMITS.rememberedUpdates), so a client's
   * retry with the same Idempotency-Key is recognised after a continue-as-new too, where Temporal's
   * own deduplication (per run) no longer sees it. Never shown to anyone.
   */
  appliedUpdates?: string[];
  /* Optional for the same reason: the evaluation, award and contract stages came later. */
  evaluation?: EvaluationState;
  award?: AwardDecision | null;
  challenges?: Challenge[];
  contract?: ContractRecord | null;
  /**
   * The gates this commission has met, written by the delivery stage when a report is accepted;
   * the dependency stage signals each registered dependent when its gate appears here.
   */
  gatesMet?: Partial<Record<DependencyGate, GateMet>>;
  /** Commissions that depend on a gate of this one, and what each has been told (at most STATE_LIMITS.dependents). */
  dependents?: DependentRecord[];
  /** Stated at create (optional: older commissions plan with DEFAULT_DELIVERY_PLAN). */
  deliveryPlan?: DeliveryPlan;
  /* Optional for the same reason: the delivery stage came later. */
  /** The interim and final reports the contracted supplier submitted, each with its versions. */
  reports?: Report[];
  /** When each report's deadline first escalated with the report still owed (it is overdue). */
  overdueReports?: Partial<Record<ReportKind, string>>;
}
