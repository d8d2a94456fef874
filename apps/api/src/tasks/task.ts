import {
  allowedActions,
  evaluationSummary,
  MILESTONE_OF_REPORT,
  isContractedSupplier,
  reportOfKind,
  reportStandings,
  type Actor,
  type CommissionView,
  type Milestone,
  type Stage,
} from '@app/contracts';

/**
 * What can wait on a person: a decision, a specification to write, questions to answer, bids to
 * score, reports to review or write, an overdue deadline. Each is derived in `tasksIn`.
 */
export const TASK_KINDS = [
  'decide-on-specification',
  'write-specification',
  'revise-specification',
  'submit-specification',
  'answer-questions',
  'score-bids',
  'overdue-deadline',
  'review-report',
  'submit-report',
  'revise-report',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** Tasks that only the person can move on; an overdue deadline asks for attention, not an action. */
export const ACTION_TASKS: readonly TaskKind[] = [
  'decide-on-specification',
  'write-specification',
  'revise-specification',
  'submit-specification',
  'answer-questions',
  'score-bids',
  'review-report',
  'submit-report',
  'revise-report',
];

export interface Task {
  kind: TaskKind;
  commissionId: string;
  commissionTitle: string;
  stage: Stage;
  /** What to do, in words: "Decide on version 3 of the specification". */
  summary: string;
  dueAt: string | null;
  overdue: boolean;
  specificationVersion: number | null;
  milestone: Milestone | null;
  /** The web page where it is done. */
  path: string;
  /** Report tasks: the report to review or revise (null for one not yet submitted). */
  reportId?: string | null;
}

function task(view: CommissionView, fields: Omit<Task, 'commissionId' | 'commissionTitle' | 'stage'>): Task {
  return { commissionId: view.id, commissionTitle: view.title, stage: view.stage, ...fields };
}

const isOfficer = (view: CommissionView, actor: Actor) =>
  view.officers.some((o) => o.userId === actor.userId);
const isObserver = (view: CommissionView, actor: Actor) =>
  view.observers.some((o) => o.userId === actor.userId);

/** Everything in one commission that waits on `actor`, derived from its state and the action rules. */
export function tasksIn(view: CommissionView, actor: Actor, now: Date): Task[] {
  const actions = allowedActions(view.stage, actor, view);
  const base = `/commissions/${view.id}`;
  const tasks: Task[] = [];
  const round = view.signOff.current;
  if (
    actions.includes('sign-off') &&
    round &&
    view.signOff.tally?.awaiting.some((m) => m.userId === actor.userId)
  ) {
    tasks.push(
      task(view, {
        kind: 'decide-on-specification',
        summary: `Decide on version ${round.specificationVersion} of the specification`,
        dueAt: round.respondBy,
        overdue: Date.parse(round.respondBy) <= now.getTime(),
        specificationVersion: round.specificationVersion,
        milestone: 'sign-off',
        path: `${base}/sign-off`,
      }),
    );
  }
  if (actions.includes('submit-specification')) {
    const latest = view.specification.versions.at(-1);
    const [kind, summary, path] = !latest
      ? (['write-specification', 'Write the specification', `${base}/specification/edit`] as const)
      : latest.changeRequests.length > 0
        ? ([
            'revise-specification',
            `Revise version ${latest.version} of the specification: the panel asked for changes`,
            `${base}/specification/edit`,
          ] as const)
        : ([
            'submit-specification',
            `Submit version ${latest.version} of the specification to the panel`,
            `${base}/submit`,
          ] as const);
    tasks.push(
      task(view, {
        kind,
        summary,
        dueAt: null,
        overdue: false,
        specificationVersion: latest?.version ?? null,
        milestone: null,
        path,
      }),
    );
  }
  if (actions.includes('answer-clarification')) {
    const unanswered = (view.clarifications ?? []).filter((c) => c.answer === null).length;
    const deadline = view.deadlines?.find((d) => d.milestone === 'clarification' && d.closedReason === null);
    if (unanswered > 0) {
      tasks.push(
        task(view, {
          kind: 'answer-questions',
          summary: `Answer ${unanswered === 1 ? 'a supplier’s question' : `${unanswered} suppliers’ questions`}`,
          dueAt: deadline?.dueAt ?? null,
          overdue: deadline ? Date.parse(deadline.dueAt) <= now.getTime() : false,
          specificationVersion: null,
          milestone: deadline ? 'clarification' : null,
          path: `${base}/clarifications`,
        }),
      );
    }
  }
  if (actions.includes('score-bid')) {
    const owed = evaluationSummary(view).outstanding.filter((o) => o.member.userId === actor.userId);
    const scoring = view.deadlines?.find((d) => d.milestone === 'scoring' && d.closedReason === null);
    if (owed.length > 0) {
      tasks.push(
        task(view, {
          kind: 'score-bids',
          summary: `Score ${owed.length === 1 ? 'a bid' : `${owed.length} bids`}: ${owed
            .map((o) => `${o.supplier}’s (${o.criteria.join(', ')})`)
            .join('; ')}`,
          dueAt: scoring?.dueAt ?? null,
          overdue: scoring ? Date.parse(scoring.dueAt) <= now.getTime() : false,
          specificationVersion: null,
          milestone: scoring ? 'scoring' : null,
          path: `${base}/evaluation`,
        }),
      );
    }
  }
  tasks.push(...reportTasks(view, actor, actions, now));
  if (isOfficer(view, actor) || isObserver(view, actor)) {
    for (const d of view.deadlines ?? []) {
      if (d.closedReason !== null || Date.parse(d.dueAt) > now.getTime()) continue;
      tasks.push(
        task(view, {
          kind: 'overdue-deadline',
          summary: `${DEADLINE_NAMES[d.milestone]} is overdue`,
          dueAt: d.dueAt,
          overdue: true,
          specificationVersion: null,
          milestone: d.milestone,
          path: base,
        }),
      );
    }
  }
  return tasks;
}

/**
 * Reports to review (panel members and officers: a version awaits a decision) and reports to
 * submit or revise (the contracted supplier), each due when its report is.
 */
function reportTasks(view: CommissionView, actor: Actor, actions: readonly string[], now: Date): Task[] {
  if (view.stage !== 'in-delivery') return [];
  const tasks: Task[] = [];
  const supplier = isContractedSupplier(view, actor);
  for (const standing of reportStandings(view, now.getTime())) {
    const report = reportOfKind(view, standing.kind);
    const common = {
      dueAt: standing.dueAt,
      overdue: standing.overdue,
      specificationVersion: null,
      milestone: MILESTONE_OF_REPORT[standing.kind],
      // The report's own page once a version exists (to review or revise), else the reports page.
      path: standing.reportId
        ? `/commissions/${view.id}/reports/${standing.reportId}`
        : `/commissions/${view.id}/reports`,
      reportId: standing.reportId,
    };
    if (actions.includes('review-report') && report?.status === 'awaiting-review') {
      const version = report.versions.at(-1)!.version;
      tasks.push(
        task(view, {
          kind: 'review-report',
          summary: `Review version ${version} of the ${standing.kind} report: accept it or ask for a revision`,
          ...common,
        }),
      );
    }
    if (supplier && standing.status === 'not-submitted') {
      tasks.push(
        task(view, { kind: 'submit-report', summary: `Submit the ${standing.kind} report`, ...common }),
      );
    }
    if (supplier && standing.status === 'revision-requested') {
      tasks.push(
        task(view, {
          kind: 'revise-report',
          summary: `Revise the ${standing.kind} report: a reviewer asked for changes`,
          ...common,
        }),
      );
    }
  }
  return tasks;
}

const DEADLINE_NAMES: Record<Milestone, string> = {
  'sign-off': 'The panel’s sign-off',
  clarification: 'The clarification deadline',
  'tender-close': 'The tender closing',
  scoring: 'The panel’s scoring',
  'standstill-end': 'The end of standstill',
  'interim-report': 'The interim report',
  'final-report': 'The final report',
  'contract-notice': 'The contract details notice',
};

/** Most urgent first: the earliest due date (so overdue ones lead), then undated tasks by title. */
export function byUrgency(a: Task, b: Task): number {
  if (a.dueAt && b.dueAt)
    return Date.parse(a.dueAt) - Date.parse(b.dueAt) || a.commissionTitle.localeCompare(b.commissionTitle);
  if (a.dueAt) return -1;
  if (b.dueAt) return 1;
  return a.commissionTitle.localeCompare(b.commissionTitle) || a.summary.localeCompare(b.summary);
}
