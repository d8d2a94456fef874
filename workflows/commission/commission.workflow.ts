import {
  CancellationScope,
  allHandlersFinished,
  isCancellation,
  condition,
  continueAsNew,
  log,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import {
  CommissionStateQuery,
  ProjectedUpdate,
  isAllowedTransition,
  isFinal,
  messageKey,
  notificationKey,
  searchValuesOf,
  type ActorRef,
  type CommissionView,
  type Deadline,
  type NewCommission,
  type ReportKind,
} from '@app/contracts';
import type { CommissionActivities } from '@app/activities';
import { initialState } from './initial-state';
import type { Change, DeadlineChange } from './kernel/change';
import { applyDeadlineChanges, openReportDeadlines } from './kernel/deadline-book';
import type { Due } from './kernel/deadlines';
import { DependencyGates } from './kernel/dependency-gates';
import { Dispatcher } from './kernel/dispatcher';
import { Ledger } from './kernel/ledger';
import { LocalActivityLane } from './kernel/local-activity-lane';
import { OPERATOR, operatorCancel } from './kernel/operator-cancel';
import { bornWith, hasPatch } from './kernel/patches';
import { registerCommands } from './kernel/registry';
import { DeadlineScheduler } from './kernel/scheduler';
import { SearchAttributes } from './kernel/search';
import { TaskProjection } from './kernel/task-projection';
import { TaskRecording } from './kernel/task-recording';
import { TaskWrites } from './kernel/task-writes';
import { owedScores, recipientsFor, supplierRecipientsFor } from './recipients';
import { COMMANDS, ON_DUE } from './stages';
import { markOverdue } from './stages/delivery';

export type CommissionWorkflowInput =
  { kind: 'open'; commission: NewCommission } | { kind: 'resume'; state: CommissionView };

const {
  projectCommissionEvent,
  projectCommissionEvents,
  recordNotification,
  abandonNotification,
  commissionStanding,
} = proxyActivities<CommissionActivities>({
  startToCloseTimeout: '15 seconds',
  // The read model and the outbox must catch up whatever the database does: no attempt limit.
  retry: { initialInterval: '500 ms', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

/** Writes from inside the workflow task that made them (kernel/task-projection.ts, task-writes.ts). */
const inTask = proxyLocalActivities<CommissionActivities>({
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '500 ms', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

/** Each attempt sends over every channel not yet done; after the last, the failure is recorded. */
export const DELIVERY_ATTEMPTS = 12;
/** V4 delivers up to MAX_PER_DELIVERY notifications an attempt (kernel/dispatcher.ts), in the same time. */
const { deliverNotification, deliverNotifications } = proxyActivities<CommissionActivities>({
  startToCloseTimeout: '10 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '5 minutes',
    maximumAttempts: DELIVERY_ATTEMPTS,
  },
});

const REPORT_OF_MILESTONE: Partial<Record<Deadline['milestone'], ReportKind>> = {
  'interim-report': 'interim',
  'final-report': 'final',
};

/** Who acts when a deadline's own transition runs: the system, by the clock. */
const SCHEDULER: ActorRef = { userId: 'system:scheduler', name: 'Scheduled transition' };

/**
 * One commission, from drafting to completion: wiring only. The stages (./stages) say what each
 * command checks and changes; the kernel records and projects each change (Ledger), keeps the
 * deadlines (DeadlineScheduler) and sends notifications (Dispatcher).
 *
 * Every commission opens as this type: born with every patch of V5_BASELINE_PATCHES, it records no
 * marker for them (kernel/patches.ts).
 */
export async function commissionWorkflowV5(input: CommissionWorkflowInput): Promise<CommissionView> {
  return runCommission(input);
}

/**
 * The fourth type, kept for the runs opened as it: its deadline timers are set once, for the whole
 * wait. New commissions open as `commissionWorkflowV5`.
 */
export async function commissionWorkflowV4(input: CommissionWorkflowInput): Promise<CommissionView> {
  return runCommission(input);
}

/**
 * The third type, kept for the runs opened as it: a task's notifications are recorded by local
 * activities of their own, after its projection's. New commissions open as `commissionWorkflowV5`.
 */
export async function commissionWorkflowV3(input: CommissionWorkflowInput): Promise<CommissionView> {
  return runCommission(input);
}

/**
 * The second type, kept for the runs opened as it: born with V2_BASELINE_PATCHES, each later patch
 * it asks for. New commissions open as `commissionWorkflowV5`.
 */
export async function commissionWorkflowV2(input: CommissionWorkflowInput): Promise<CommissionView> {
  return runCommission(input);
}

/**
 * The first type, kept for the runs opened before V2 (and their continuations): each asks for every
 * patch, as its history records. New commissions open as `commissionWorkflowV5`.
 */
export async function commissionWorkflow(input: CommissionWorkflowInput): Promise<CommissionView> {
  return runCommission(input);
}

async function runCommission(input: CommissionWorkflowInput): Promise<CommissionView> {
  const nowIso = () => new Date().toISOString();
  const state = input.kind === 'open' ? initialState(input.commission, nowIso()) : input.state;
  // Commissions opened before deadlines existed replay without them (see test/replay).
  const tracksDeadlines = hasPatch('deadlines');
  const collapsesMissedReminders = hasPatch('collapse-missed-reminders');
  const ledger = new Ledger(state, nowIso, hasPatch('view-in-read-model'));
  // Runs from before each patch replay as they ran: one activity call per event; then consecutive
  // events in one call, the view once; now that call from inside the workflow task, so a command is
  // answered in one task (see kernel/task-projection.ts).
  const projectsInTask = hasPatch('projection-in-workflow-task');
  // A run that records notifications in its tasks runs its local activities one at a time; a V4
  // run writes a task's events and notifications in one of them (kernel/task-writes.ts).
  const lane = bornWith('notifications-in-task') ? new LocalActivityLane() : null;
  const writes =
    lane && bornWith('writes-together-in-task')
      ? new TaskWrites((w) => lane.run(() => inTask.writeInTask(w)))
      : null;
  const taskProjection = new TaskProjection(
    () => ledger.projectedThrough,
    writes
      ? (batch, by) => writes.project(batch, by)
      : lane
        ? (batch, by) => lane.run(() => inTask.projectCommissionEvents(batch, by))
        : inTask.projectCommissionEvents,
    projectCommissionEvents,
  );
  const project = writes
    ? async () => {
        await writes.othersSettled();
        await ledger.drainInBatches((batch) => taskProjection.write(batch));
        await writes.flush();
      }
    : projectsInTask
      ? () => ledger.drainInBatches((batch) => taskProjection.write(batch))
      : hasPatch('projection-batches')
        ? () => ledger.drainInBatches(projectCommissionEvents)
        : () => ledger.drain(projectCommissionEvent);
  const wakesForDeadlinesOnly = hasPatch('wake-scheduler-for-deadline-changes');
  const search = hasPatch('search-attributes')
    ? new SearchAttributes(
        state,
        input.kind === 'open' ? searchValuesOf(workflowInfo().typedSearchAttributes) : undefined,
      )
    : null;
  // Runs of the older types record as they always did: V3 by a local activity per notification,
  // V1 and V2 by an activity per notification.
  const taskRecording = lane && !writes ? new TaskRecording(inTask.recordNotificationInTask, lane) : null;
  const dispatcher = new Dispatcher(
    {
      recordNotification: (n) => (taskRecording ? taskRecording.write(n) : recordNotification(n)),
      deliverNotification,
      abandonNotification,
    },
    writes
      ? {
          offer: (n) => writes.offer(n),
          recordedWith: (n) => writes.recordedWith(n),
          deliverNotifications,
        }
      : undefined,
  );
  if (tracksDeadlines && !state.deadlines) openReportDeadlines(state, Date.now());
  // Commissions opened before dependency gates neither register nor tell dependents.
  const gates = hasPatch('dependency-gates')
    ? new DependencyGates(state, record, nowIso, commissionStanding)
    : null;

  /** Records a change: its deadlines, the audit event and projection, its messages. */
  function record(
    actor: ActorRef,
    fromStage: CommissionView['stage'] | null,
    change: Change,
    at: string,
  ): { seq: number; view: CommissionView } {
    if (tracksDeadlines) applyDeadlineChanges(state, scoringGuarded(change.deadlines ?? []), Date.parse(at));
    const recorded = ledger.record(actor, fromStage, change);
    const { seq } = recorded;
    const messages = change.messages ?? [];
    if (tracksDeadlines && messages.length > 0 && hasPatch('messages')) {
      messages.forEach((m, i) =>
        dispatcher.push({
          topic: 'message',
          key: messageKey(state.id, seq, m.message, i),
          commissionId: state.id,
          commissionTitle: state.title,
          scheduledFor: at,
          message: m.message,
          facts: m.facts,
          recipients: m.recipients,
        }),
      );
    }
    search?.sync();
    // A dependent whose gate this change met (or made impossible) is told, once.
    gates?.afterChange(at);
    return recorded;
  }

  /**
   * The scoring deadline came with patch 'scoring-deadline': a history from before it never opens
   * one. Asked only when a change would open it, so other histories carry no marker.
   */
  function scoringGuarded(changes: readonly DeadlineChange[]): readonly DeadlineChange[] {
    const opensScoring = changes.some((c) => 'open' in c && c.open === 'scoring');
    if (!opensScoring || hasPatch('scoring-deadline')) return changes;
    return changes.filter((c) => !('open' in c && c.open === 'scoring'));
  }

  /**
   * A report still owed when its deadline escalates is overdue: recorded, so the read model and
   * every reader see it. Older runs never recorded this, hence the patch.
   */
  function markReportOverdue(due: Due): void {
    const kind = REPORT_OF_MILESTONE[due.deadline.milestone];
    if (due.kind !== 'escalation' || !kind || state.stage !== 'in-delivery') return;
    if (!hasPatch('delivery-reports')) return;
    const at = nowIso();
    const change = markOverdue(state, kind, at);
    if (change) record(SCHEDULER, state.stage, change, at);
  }

  const scheduler = new DeadlineScheduler(state, collapsesMissedReminders, bornWith('wake-ahead'), {
    notify: (due: Due) => {
      dispatcher.push(deadlineNotification(state, due));
      markReportOverdue(due);
      // Only the tender's deadlines have suppliers to remind, so older runs push exactly as before.
      // Each supplier apart, as a message (the outbox keeps one deadline notification per offset).
      for (const supplier of supplierRecipientsFor(state, due.deadline, due.kind)) {
        const { deadline } = due;
        dispatcher.push({
          topic: 'message',
          key: `${notificationKey(state.id, deadline.milestone, deadline.version, due.offset)}:supplier:${supplier.userId}`,
          commissionId: state.id,
          commissionTitle: state.title,
          scheduledFor: due.at,
          message: 'tender-deadline-reminder',
          facts: { milestone: deadline.milestone, dueAt: deadline.dueAt },
          recipients: [supplier],
        });
      }
    },
    runOnDue: (deadline: Deadline, now: number) => {
      const at = new Date(now).toISOString();
      const transition = ON_DUE[deadline.onDue!];
      const fromStage = state.stage;
      const change = transition ? transition(state, at) : null;
      if (!isAllowedTransition(fromStage, state.stage, { deadline: deadline.milestone })) {
        throw new Error(
          `${deadline.onDue} moved ${fromStage} → ${state.stage}, which TRANSITIONS does not allow`,
        );
      }
      const closing = { close: deadline.milestone, reason: 'met' as const };
      if (change)
        record(SCHEDULER, fromStage, { ...change, deadlines: [closing, ...(change.deadlines ?? [])] }, at);
      else applyDeadlineChanges(state, [closing], now);
    },
  });

  if (input.kind === 'open') {
    record(
      input.commission.createdBy,
      null,
      {
        action: 'commission-opened',
        detail: {
          title: state.title,
          regime: state.regime,
          panel: state.panel.map((m) => m.userId),
          ...(state.regimeBasis
            ? { regimeBasis: state.regimeBasis, estimatedValue: state.estimatedValue }
            : {}),
        },
        effects: [],
      },
      state.createdAt,
    );
  } else {
    search?.sync();
  }

  gates?.listen();
  if (input.kind === 'open') void gates?.register().catch(unlessCancelled);
  setHandler(CommissionStateQuery, () => state);
  setHandler(ProjectedUpdate, async () => {
    await ledger.projected(state.version);
    return state;
  });
  registerCommands(COMMANDS, state, nowIso, async (fromStage, actor, change, at) => {
    if (!change) {
      await ledger.projected(state.version);
      return state;
    }
    const { seq, view } = record(actor, fromStage, change, at);
    // A command that opened, moved or closed a deadline has the scheduler plan again at once; any
    // other leaves its timer as it is (runs from before that rule replan after every command).
    if (tracksDeadlines && (!wakesForDeadlinesOnly || (change.deadlines?.length ?? 0) > 0)) scheduler.wake();
    await ledger.projected(seq);
    // The view just after this change, not later ones still on their way to the read model.
    return view;
  });

  if (tracksDeadlines) {
    // Both loops live as long as the run; a failure in either fails the workflow task, visibly.
    // An operator's cancellation stops them too, and is handled below.
    void scheduler.run().catch(unlessCancelled);
    void dispatcher.run().catch(unlessCancelled);
  }
  void gates?.run().catch(unlessCancelled);
  const gatesQuiet = () => gates?.quiet ?? true;

  // Handlers may be waiting on projection, so the loop keeps draining until they have all answered.
  const winding = () => isFinal(state.stage) || workflowInfo().continueAsNewSuggested;
  try {
    for (;;) {
      await condition(
        () =>
          ledger.pending ||
          (writes?.pending ?? false) ||
          (winding() && allHandlersFinished() && dispatcher.quiet && gatesQuiet()),
      );
      await project();
      if (ledger.pending || !allHandlersFinished() || !dispatcher.quiet || !gatesQuiet()) continue;
      if (isFinal(state.stage)) return state;
      if (workflowInfo().continueAsNewSuggested) {
        log.info('continuing as new', { version: state.version });
        return continueAsNew<typeof commissionWorkflow>({ kind: 'resume', state });
      }
    }
  } catch (err) {
    if (!isCancellation(err)) throw err;
    // Cancellation from Temporal (the Web UI's button, `temporal workflow cancel`): an audited
    // cancel by the operator, written to the read model whatever else is cancelled, then a clean end.
    return CancellationScope.nonCancellable(async () => {
      const at = nowIso();
      const fromStage = state.stage;
      const change = operatorCancel(state, at);
      // Recording reaches a final stage, which closes every deadline.
      if (change) record(OPERATOR, fromStage, change, at);
      await project();
      await gates?.flush();
      log.warn('cancelled from Temporal by an operator', { fromStage });
      return state;
    });
  }
}

function unlessCancelled(err: unknown): void {
  if (!isCancellation(err)) throw err;
}

function deadlineNotification(state: CommissionView, due: Due) {
  const { deadline } = due;
  return {
    key: notificationKey(state.id, deadline.milestone, deadline.version, due.offset),
    commissionId: state.id,
    commissionTitle: state.title,
    milestone: deadline.milestone,
    deadlineVersion: deadline.version,
    kind: due.kind,
    offset: due.offset,
    dueAt: deadline.dueAt,
    scheduledFor: due.at,
    recipients: recipientsFor(state, deadline, due.kind),
    ...(deadline.milestone === 'sign-off' ? awaitingSignOff(state) : {}),
    ...(deadline.milestone === 'scoring' ? { outstanding: owedScores(state) } : {}),
  };
}

/** What a sign-off reminder names: the version under review and who has not decided on it. */
function awaitingSignOff(state: CommissionView): { specificationVersion?: number; outstanding?: string[] } {
  const round = state.signOff.current;
  if (!round) return {};
  const decided = new Set(round.decisions.map((d) => d.member.userId));
  return {
    specificationVersion: round.specificationVersion,
    outstanding: state.panel.filter((m) => !decided.has(m.userId)).map((m) => m.name),
  };
}
