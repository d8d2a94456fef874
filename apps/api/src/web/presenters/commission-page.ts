import {
  allowedActions,
  bidReceiptsFor,
  canRead,
  describeRule,
  isContractedSupplier,
  readsAsSupplier,
  viewFor,
  type Actor,
  type CommissionView,
  type ViewPart,
} from '@app/contracts';
import { contractSection, type ContractSection } from './contract';
import { londonDateTime } from '../time/london-time';
import { deadlineRows, type DeadlineRow } from './deadlines';
import { historyRows, type AuditEntry, type HistoryRow } from './history';
import { ACTION_LINKS, listOfNames, stageTag } from './labels';
import { escapeHtml } from './markdown';
import { nextStep, type NextStep } from './next-step';
import type { SpecificationSection } from './specification';

export interface CommissionPage {
  id: string;
  title: string;
  description: string;
  stage: { text: string; classes: string };
  nextStep: NextStep;
  details: { key: { text: string }; value: { text: string } | { html: string } }[];
  actions: { text: string; href: string }[];
  signOff: { version: number; respondBy: string; rows: { text: string }[][] } | null;
  specification: SpecificationSection | null;
  earlierChangeRequests: { version: number; member: string; comment: string; at: string }[];
  deadlines: DeadlineRow[];
  /** The deadlines and history as GOV.UK table rows. */
  deadlineTable: TableCell[][];
  history: HistoryRow[];
  historyTable: TableCell[][];
  /** The contract once entered into, as this person may read it (a supplier only its own). */
  contract: ContractSection | null;
  /** The sections this person may read (READ_RULES, as the JSON API): a supplier neither. */
  shows: { deadlines: boolean; history: boolean };
}

type TableCell = { text: string } | { html: string };

const DECISION_WORDS = { approve: 'Approved', 'request-changes': 'Asked for changes' } as const;

/** Everything the commission page shows, for one person, in the words it shows it. */
export function commissionPage(
  view: CommissionView,
  actor: Actor,
  /** `specification` as this person may read it (the page controller's readableSection). */
  input: { history: readonly AuditEntry[]; specification: SpecificationSection | null; now: Date },
): CommissionPage {
  // The page shows what the JSON API would give this person: a supplier never learns who sits on
  // the panel, what they decided or the commission's history (READ_RULES).
  const reads = (part: ViewPart) => canRead(part, view, actor);
  const panel = view.panel.map((m) => (m.chair ? `${m.name} (chair)` : m.name));
  const round = reads('signOff') ? view.signOff.current : null;
  const base = `/commissions/${view.id}`;
  const deadlines = reads('deadlines') ? deadlineRows(view.deadlines, input.now) : [];
  const history = reads('history') ? historyRows(input.history) : [];
  return {
    id: view.id,
    title: view.title,
    description: view.description,
    stage: stageTag(view.stage),
    nextStep: nextStep(view, input.now, { people: reads('people'), cancellation: reads('cancellation') }),
    details: [
      { key: { text: 'Stage' }, value: { text: stageTag(view.stage).text } },
      ...(reads('people')
        ? [
            { key: { text: 'Panel' }, value: { text: listOfNames(panel) } },
            { key: { text: 'Sign-off rule' }, value: { text: capitalise(describeRule(view.signOffRule)) } },
            { key: { text: 'Officers' }, value: { text: listOfNames(view.officers.map((o) => o.name)) } },
            ...(view.observers.length
              ? [
                  {
                    key: { text: 'Observers' },
                    value: { text: listOfNames(view.observers.map((o) => o.name)) },
                  },
                ]
              : []),
          ]
        : []),
      { key: { text: 'Procurement rules' }, value: { text: REGIME_NAMES[view.regime] ?? view.regime } },
      ...(view.programmeId
        ? [
            {
              key: { text: 'Programme' },
              value: {
                html: `<a class="govuk-link" href="/programmes/${encodeURIComponent(view.programmeId)}">${escapeHtml(view.programmeId)}</a>`,
              },
            },
          ]
        : []),
      {
        key: { text: 'Opened' },
        value: {
          text: reads('people')
            ? `${londonDateTime(view.createdAt)} by ${view.createdBy.name}`
            : londonDateTime(view.createdAt),
        },
      },
    ],
    actions: [
      ...allowedActions(view.stage, actor, view).flatMap((a) => {
        const link = ACTION_LINKS[a];
        return link ? [{ text: link.text, href: `${base}/${link.path}` }] : [];
      }),
      ...bidderLinks(view, actor, base),
      ...reportsLink(view, actor, base),
    ],
    signOff: round
      ? {
          version: round.specificationVersion,
          respondBy: londonDateTime(round.respondBy),
          rows: view.panel.map((m) => {
            const d = round.decisions.find((x) => x.member.userId === m.userId);
            return [
              { text: m.chair ? `${m.name} (chair)` : m.name },
              { text: d ? DECISION_WORDS[d.decision] : 'Not decided yet' },
              { text: d?.comment || '' },
              { text: d ? londonDateTime(d.at) : '' },
            ];
          }),
        }
      : null,
    specification: input.specification,
    earlierChangeRequests: (reads('specification') ? view.specification.versions : [])
      .filter((v) => v.version !== input.specification?.version)
      .flatMap((v) =>
        v.changeRequests.map((c) => ({
          version: v.version,
          member: c.member.name,
          comment: c.comment,
          at: londonDateTime(c.at),
        })),
      )
      .reverse(),
    deadlines,
    deadlineTable: deadlines.map((d) => [
      { text: d.milestone },
      { text: d.due },
      d.overdue
        ? { html: `<strong class="govuk-tag govuk-tag--red">${escapeHtml(d.status)}</strong>` }
        : { text: d.status },
      { text: d.nextReminder ?? 'None' },
    ]),
    history,
    contract: contractOf(view, actor),
    shows: { deadlines: reads('deadlines'), history: reads('history') },
    historyTable: history.map((h) => [
      { text: h.when },
      { text: h.who },
      { text: h.stageChange ? `${h.what}. Stage: ${h.stageChange}` : h.what },
    ]),
  };
}

const REGIME_NAMES: Record<string, string> = {
  PA2023: 'Procurement Act 2023',
  PCR2015: 'Public Contracts Regulations 2015',
  'below-threshold': 'Below threshold (Procurement Act 2023, sections 86 to 88)',
};

/** A bidder's own bid, and after the award its own assessment summary. */
function bidderLinks(view: CommissionView, actor: Actor, base: string): { text: string; href: string }[] {
  if (!readsAsSupplier(actor) || bidReceiptsFor(view, actor).length === 0) return [];
  const summary = view.award?.summaries.some((s) => s.supplier.userId === actor.userId);
  return [
    { text: 'Your bid', href: `${base}/your-bid` },
    ...(summary ? [{ text: 'Your assessment summary', href: `${base}/assessment` }] : []),
  ];
}

/** The reports, for whoever reads them but has no report action to take now (observers; after completion). */
function reportsLink(view: CommissionView, actor: Actor, base: string): { text: string; href: string }[] {
  if (!view.contract || (readsAsSupplier(actor) && !isContractedSupplier(view, actor))) return [];
  const actions = allowedActions(view.stage, actor, view);
  if (actions.includes('submit-report') || actions.includes('review-report')) return [];
  return [{ text: 'Reports', href: `${base}/reports` }];
}

function contractOf(view: CommissionView, actor: Actor): ContractSection | null {
  const contract = viewFor(view, actor)?.contract;
  if (!contract) return null;
  const section = contractSection(view, contract);
  return readsAsSupplier(actor) ? { ...section, notice: null } : section;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
