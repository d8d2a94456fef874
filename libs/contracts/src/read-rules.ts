import type { CommissionView } from './commission';
import type { Actor, Role } from './people';
import { PUBLISHED_STAGES, STAGES, type Stage } from './stages';
import { isPublished } from './notices/published';
import type { BidReceipt, Clarification } from './tender/tender';
import type { AwardDecision } from './award/award';
import type { Report } from './delivery/reports';
import { standingsOf } from './rules';

/**
 * Who may read which part of a commission, as data. Staff (officers, panel, observers, admins) read
 * everything but sealed bid content; a supplier reads only what has been published, and of the
 * clarifications and bids only what concerns every supplier or itself. `viewFor` shapes every
 * response from these rules, and the sub-resource endpoints ask `canRead`.
 */
export const VIEW_PARTS = [
  'identity',
  'people',
  'regime',
  'specification',
  'signOff',
  'conflicts',
  'deadlines',
  'dependency',
  'cancellation',
  'tender',
  'clarifications',
  'bids',
  'evaluation',
  'award',
  'reports',
  'history',
  'reminders',
  'ledger',
] as const;
export type ViewPart = (typeof VIEW_PARTS)[number];

export interface ReadRule {
  role: Role;
  stages: readonly Stage[];
  /** Only once the commission is public: a notice of it has been published (`isPublic`). */
  publicOnly?: true;
}

/** What the read rules look at: the stage and, for a cancelled commission, its notices. */
export type ReadSubject = Pick<CommissionView, 'stage'> & Partial<Pick<CommissionView, 'notices'>>;

/**
 * Stages a supplier may read a commission in: from the tender's publication on, and once cancelled
 * if its tender had been published. A published procurement that is terminated stays public: its
 * termination notice says so (PA2023 s.55), and its bidders must be able to see that it has ended.
 */
export const SUPPLIER_STAGES: readonly Stage[] = [...PUBLISHED_STAGES, 'cancelled'];

/** Whether a notice of the commission has been published (a tender published is a public commission). */
export function isPublic(s: ReadSubject): boolean {
  return PUBLISHED_STAGES.includes(s.stage) || (s.notices ?? []).some(isPublished);
}

const STAFF: readonly Role[] = ['officer', 'panel', 'observer', 'admin'];
const staff = (): ReadRule[] => STAFF.map((role) => ({ role, stages: STAGES }));
const publishedToSuppliers = (): ReadRule[] => [
  ...staff(),
  { role: 'supplier', stages: SUPPLIER_STAGES, publicOnly: true },
];

export const READ_RULES: Readonly<Record<ViewPart, readonly ReadRule[]>> = {
  identity: publishedToSuppliers(),
  people: staff(),
  // The estimated value would tell bidders the budget: staff only.
  regime: staff(),
  specification: staff(),
  signOff: staff(),
  conflicts: staff(),
  deadlines: staff(),
  dependency: staff(),
  cancellation: staff(),
  tender: publishedToSuppliers(),
  // Suppliers: the published answers and their own questions (PART_SHAPERS).
  clarifications: publishedToSuppliers(),
  // Staff: receipts and the count, never content (the API keeps that sealed until the close);
  // a supplier: its own receipts only.
  bids: publishedToSuppliers(),
  // Every member's scores: the commission's own officers and panel, nobody else (readsScores).
  evaluation: [
    { role: 'officer', stages: STAGES },
    { role: 'panel', stages: STAGES },
  ],
  // Staff: the whole decision. A supplier: the decision, its own assessment summary and, when it
  // won, its contract; never another bidder's scores (PART_SHAPERS).
  award: publishedToSuppliers(),
  // Staff: every report. A supplier: the reports it wrote as the contracted supplier (PART_SHAPERS);
  // any other supplier nothing.
  reports: publishedToSuppliers(),
  history: staff(),
  reminders: staff(),
  // The workflow's own bookkeeping: shown to no one.
  ledger: [],
};

/** The view fields each part is made of; every field of `CommissionView` belongs to one part. */
export const PART_FIELDS = {
  identity: [
    'id',
    'workflowId',
    'title',
    'description',
    'programmeId',
    'regime',
    'stage',
    'version',
    'createdAt',
    'updatedAt',
    'milestones',
  ],
  people: ['createdBy', 'panel', 'officers', 'observers', 'signOffRule'],
  regime: ['estimatedValue', 'regimeBasis'],
  specification: ['specification'],
  signOff: ['signOff'],
  conflicts: ['conflicts'],
  deadlines: ['deadlines', 'deadlineMoves', 'reminderPolicy', 'deliveryPlan'],
  dependency: ['dependsOn', 'dependency', 'gatesMet', 'dependents'],
  cancellation: ['cancellation'],
  tender: ['tender', 'pastTenders', 'notices'],
  clarifications: ['clarifications'],
  bids: ['bids'],
  evaluation: ['evaluation'],
  award: ['award', 'challenges', 'contract'],
  reports: ['reports', 'overdueReports'],
  history: [],
  reminders: [],
  ledger: ['appliedUpdates'],
} as const satisfies Record<ViewPart, readonly (keyof CommissionView)[]>;

type Reader = Pick<Actor, 'roles' | 'userId'>;

/** Whether the caller reads a part as a supplier: no staff role, so only what suppliers may see. */
export function readsAsSupplier(actor: Pick<Actor, 'roles'>): boolean {
  return !STAFF.some((r) => actor.roles.includes(r));
}

/** A clarification as a supplier sees it: never who asked, only whether it was them. */
export function clarificationForSupplier(c: Clarification, userId: string) {
  const { askedBy, ...rest } = c;
  return { ...rest, askedByYou: askedBy.userId === userId };
}

/** The clarifications a caller may read: staff all; a supplier the answered ones and its own. */
export function clarificationsFor(s: CommissionView, actor: Reader) {
  const all = s.clarifications ?? [];
  if (!readsAsSupplier(actor)) return all;
  return all
    .filter((c) => c.answer !== null || c.askedBy.userId === actor.userId)
    .map((c) => clarificationForSupplier(c, actor.userId));
}

/** The bid receipts a caller may read: staff all of them (never content); a supplier its own. */
export function bidReceiptsFor(s: CommissionView, actor: Reader): BidReceipt[] {
  const all = s.bids?.receipts ?? [];
  return readsAsSupplier(actor) ? all.filter((b) => b.supplier.userId === actor.userId) : all;
}

/** The award as a supplier sees it: who won, why, the standstill, and its own summary only. */
export function awardForSupplier(award: AwardDecision, userId: string) {
  const { bidId, supplier, value, rationale, awardedAt, standstill } = award;
  return {
    bidId,
    supplier: { userId: supplier.userId, name: supplier.name },
    value,
    rationale,
    awardedAt,
    standstill: { endsAt: standstill.endsAt, rule: standstill.rule },
    yourSummaries: award.summaries.filter((x) => x.supplier.userId === userId),
  };
}

/** Whether this caller wrote the commission's reports: its contracted supplier. */
export function isContractedSupplier(s: CommissionView, actor: Pick<Actor, 'roles' | 'userId'>): boolean {
  return actor.roles.includes('supplier') && s.contract?.supplier.userId === actor.userId;
}

/** The reports a caller may read: staff all; the contracted supplier its own; other suppliers none. */
export function reportsFor(s: CommissionView, actor: Reader): Report[] {
  if (!readsAsSupplier(actor)) return s.reports ?? [];
  return isContractedSupplier(s, actor) ? (s.reports ?? []) : [];
}

/**
 * Whether the caller reads every member's scores: the commission's own officers and panel, who
 * score and award (as `GET …/evaluation` answers). Another officer or panel member, an observer or
 * an admin reads the commission without them.
 */
export function readsScores(s: Pick<CommissionView, 'officers' | 'panel'>, actor: Reader): boolean {
  const standings = standingsOf(actor, s);
  return standings.includes('officer') || standings.includes('panel-member');
}

/** An audit event's detail as the caller may read it: a score's figures and comments only for `readsScores`. */
export function historyDetailFor(
  action: string,
  detail: Record<string, unknown>,
  s: Pick<CommissionView, 'officers' | 'panel'>,
  actor: Reader,
): Record<string, unknown> {
  if (action !== 'bid-scored' || readsScores(s, actor)) return detail;
  return Object.fromEntries(Object.entries(detail).filter(([key]) => key !== 'scores'));
}

/** Parts whose fields differ by caller, not only by whether they may be read. */
const PART_SHAPERS: Partial<Record<ViewPart, (s: CommissionView, actor: Reader) => Record<string, unknown>>> =
  {
    clarifications: (s, actor) => (s.clarifications ? { clarifications: clarificationsFor(s, actor) } : {}),
    evaluation: (s, actor) => (s.evaluation && readsScores(s, actor) ? { evaluation: s.evaluation } : {}),
    bids: (s, actor) => {
      if (!s.bids) return {};
      const receipts = bidReceiptsFor(s, actor);
      // How many others bid is not a supplier's to know.
      if (readsAsSupplier(actor)) return { bids: { receipts } };
      return { bids: { count: receipts.filter((b) => b.status === 'current').length, receipts } };
    },
    reports: (s, actor) => {
      if (readsAsSupplier(actor) && !isContractedSupplier(s, actor)) return {};
      const out: Record<string, unknown> = {};
      for (const f of ['reports', 'overdueReports'] as const) if (f in s) out[f] = s[f];
      return out;
    },
    award: (s, actor) => {
      if (!readsAsSupplier(actor)) {
        const out: Record<string, unknown> = {};
        for (const f of ['award', 'challenges', 'contract'] as const) if (f in s) out[f] = s[f];
        return out;
      }
      if (!s.award) return {};
      const mine = s.contract?.supplier.userId === actor.userId;
      return {
        award: awardForSupplier(s.award, actor.userId),
        ...(s.contract && mine ? { contract: s.contract } : {}),
      };
    },
  };

export function canRead(part: ViewPart, s: ReadSubject, actor: Pick<Actor, 'roles'>): boolean {
  return READ_RULES[part].some(
    (r) => actor.roles.includes(r.role) && r.stages.includes(s.stage) && (!r.publicOnly || isPublic(s)),
  );
}

/** Whether the caller's roles read this part of any commission at all (else a 403 says so). */
export function roleEverReads(part: ViewPart, actor: Pick<Actor, 'roles'>): boolean {
  return READ_RULES[part].some((r) => actor.roles.includes(r.role) && r.stages.length > 0);
}

/** The parts of one commission a caller may see, or null when the commission is hidden from them. */
export function viewFor(state: CommissionView, actor: Reader): Partial<CommissionView> | null {
  if (!canRead('identity', state, actor)) return null;
  const view: Record<string, unknown> = {};
  for (const part of VIEW_PARTS) {
    if (!canRead(part, state, actor)) continue;
    const shape = PART_SHAPERS[part];
    if (shape) {
      Object.assign(view, shape(state, actor));
      continue;
    }
    for (const field of PART_FIELDS[part] as readonly (keyof CommissionView)[]) {
      if (field in state) view[field] = state[field];
    }
  }
  return view as Partial<CommissionView>;
}
