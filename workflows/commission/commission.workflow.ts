import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import {
  CancelCommissionUpdate,
  CommissionStateQuery,
  DeclareConflictUpdate,
  EditSpecificationUpdate,
  MoveDeadlineUpdate,
  ProjectedUpdate,
  REFUSALS,
  SignOffUpdate,
  SubmitSpecificationUpdate,
  isFinal,
  notificationKey,
  type Actor,
  type ActorRef,
  type CommissionView,
  type NewCommission,
  type NotificationRequest,
  type Projection,
  type RefusalDetails,
} from '@app/contracts';
import type { CommissionActivities } from '@app/activities';
import * as decide from './decide';
import {
  applyMoveDeadline,
  checkMoveDeadline,
  closeAllDeadlines,
  openReportDeadlines,
  syncSignOffDeadline,
} from './deadline-commands';
import { nextWake, takeDue } from './deadlines';
import { recipientsFor } from './recipients';
import { initialState, summaryOf } from './initial-state';
import type { CommandRefusal } from './refusal';

export type CommissionWorkflowInput =
  { kind: 'open'; commission: NewCommission } | { kind: 'resume'; state: CommissionView };

const { projectCommissionEvent, recordNotification, abandonNotification } =
  proxyActivities<CommissionActivities>({
    startToCloseTimeout: '15 seconds',
    // The read model and the outbox must catch up whatever the database does: no attempt limit.
    retry: { initialInterval: '500 ms', backoffCoefficient: 2, maximumInterval: '30 seconds' },
  });

/** Each attempt sends over every channel not yet done; after the last, the failure is recorded. */
export const DELIVERY_ATTEMPTS = 12;
const { deliverNotification } = proxyActivities<CommissionActivities>({
  startToCloseTimeout: '10 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '5 minutes',
    maximumAttempts: DELIVERY_ATTEMPTS,
  },
});

function refuse(refusal: CommandRefusal | null): void {
  if (!refusal) return;
  const details: RefusalDetails = { stage: refusal.stage, reason: refusal.reason };
  throw ApplicationFailure.create({
    type: refusal.type,
    message: refusal.reason,
    details: [details],
    nonRetryable: true,
  });
}

/**
 * One commission, from drafting to completion. Commands arrive as Updates; each accepted change is
 * numbered, applied to the state and written to the read model by an activity before the Update
 * answers, so the API can read its own writes.
 */
export async function commissionWorkflow(input: CommissionWorkflowInput): Promise<CommissionView> {
  const nowIso = () => new Date().toISOString();
  const state = input.kind === 'open' ? initialState(input.commission, nowIso()) : input.state;
  const outbox: Projection[] = [];
  let projectedSeq = state.version;
  // Commissions opened before deadlines existed replay without them (see test/replay).
  const tracksDeadlines = patched('deadlines');
  const collapsesMissedReminders = patched('collapse-missed-reminders');
  let deadlinesChanged = false;
  const notifications: NotificationRequest[] = [];
  let deliveriesInFlight = 0;
  if (tracksDeadlines && !state.deadlines) openReportDeadlines(state, Date.now());

  function record(actor: ActorRef, fromStage: CommissionView['stage'] | null, change: decide.Change): number {
    state.version += 1;
    state.updatedAt = nowIso();
    outbox.push({
      commissionId: state.id,
      event: {
        seq: state.version,
        at: state.updatedAt,
        actor: { userId: actor.userId, name: actor.name },
        action: change.action,
        fromStage,
        toStage: state.stage,
        detail: change.detail,
      },
      summary: summaryOf(state),
      effects: change.effects,
    });
    return state.version;
  }

  /** Applies a command and answers once its change (if any) is in the read model. */
  async function accept<C extends { actor: Actor }>(
    cmd: C,
    apply: (s: CommissionView, cmd: C, at: string) => decide.Change | null,
  ): Promise<CommissionView> {
    const fromStage = state.stage;
    const roundBefore = state.signOff.current;
    const at = nowIso();
    const change = apply(state, cmd, at);
    if (tracksDeadlines && change) {
      syncSignOffDeadline(state, roundBefore, Date.parse(at));
      if (isFinal(state.stage)) closeAllDeadlines(state, Date.parse(at));
      deadlinesChanged = true;
    }
    const seq = change ? record(cmd.actor, fromStage, change) : state.version;
    await condition(() => projectedSeq >= seq);
    return state;
  }

  if (input.kind === 'open') {
    record(input.commission.createdBy, null, {
      action: 'commission-opened',
      detail: { title: state.title, regime: state.regime, panel: state.panel.map((m) => m.userId) },
      effects: [],
    });
  }

  setHandler(CommissionStateQuery, () => state);
  setHandler(ProjectedUpdate, async () => {
    const seq = state.version;
    await condition(() => projectedSeq >= seq);
    return state;
  });
  setHandler(EditSpecificationUpdate, (cmd) => accept(cmd, decide.applyEditSpecification), {
    validator: (cmd) => refuse(decide.checkEditSpecification(state, cmd)),
  });
  setHandler(SubmitSpecificationUpdate, (cmd) => accept(cmd, decide.applySubmitSpecification), {
    validator: (cmd) => refuse(decide.checkSubmitSpecification(state, cmd, Date.now())),
  });
  setHandler(SignOffUpdate, (cmd) => accept(cmd, decide.applySignOff), {
    validator: (cmd) => refuse(decide.checkSignOff(state, cmd)),
  });
  setHandler(DeclareConflictUpdate, (cmd) => accept(cmd, decide.applyDeclareConflict), {
    validator: (cmd) => refuse(decide.checkDeclareConflict(state, cmd)),
  });
  setHandler(CancelCommissionUpdate, (cmd) => accept(cmd, decide.applyCancel), {
    validator: (cmd) => refuse(decide.checkCancel(state, cmd)),
  });
  // Registered on every run, so a commission opened before deadlines were tracked answers with
  // a refusal (a 409) rather than an unknown update.
  setHandler(MoveDeadlineUpdate, (cmd) => accept(cmd, applyMoveDeadline), {
    validator: (cmd) =>
      refuse(
        tracksDeadlines
          ? checkMoveDeadline(state, cmd, Date.now())
          : {
              type: REFUSALS.conflict,
              stage: state.stage,
              reason: 'this commission was opened before deadlines were tracked',
            },
      ),
  });

  /**
   * The deadline scheduler: one updatable timer for the earliest pending reminder or escalation.
   * A command that changes deadlines wakes it to plan again, so a moved date takes effect at once.
   */
  async function watchDeadlines(): Promise<void> {
    while (!isFinal(state.stage)) {
      const wake = nextWake(state.deadlines ?? [], state.reminderPolicy);
      const wait = wake === null ? undefined : wake - Date.now();
      if (wait === undefined) await condition(() => deadlinesChanged || isFinal(state.stage));
      else if (wait > 0) await condition(() => deadlinesChanged || isFinal(state.stage), wait);
      deadlinesChanged = false;
      if (isFinal(state.stage)) return;
      for (const due of takeDue(
        state.deadlines ?? [],
        state.reminderPolicy,
        Date.now(),
        collapsesMissedReminders,
      )) {
        const { deadline } = due;
        notifications.push({
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
        });
      }
    }
  }

  /** Records each notification once in the outbox, then delivers it; deliveries run side by side. */
  async function dispatchNotifications(): Promise<void> {
    for (;;) {
      await condition(() => notifications.length > 0);
      const next = notifications[0];
      await recordNotification(next);
      notifications.shift();
      deliveriesInFlight += 1;
      deliverNotification(next.key)
        .catch(async (err: unknown) => {
          log.error('notification not delivered', { key: next.key, err });
          // The last attempt died without reporting (e.g. its worker was killed): say so.
          if (patched('record-abandoned-deliveries')) {
            await abandonNotification(next.key, `delivery gave up: ${(err as Error).message}`);
          }
        })
        .finally(() => {
          deliveriesInFlight -= 1;
        });
    }
  }

  if (tracksDeadlines) {
    // Both loops live as long as the run; a failure in either fails the workflow task, visibly.
    void watchDeadlines();
    void dispatchNotifications();
  }
  const quiet = () => notifications.length === 0 && deliveriesInFlight === 0;

  // Projection runs in order, one event at a time, so the read model never sees a gap. Handlers
  // may be waiting on projection, so the loop keeps draining until they have all answered.
  const winding = () => isFinal(state.stage) || workflowInfo().continueAsNewSuggested;
  for (;;) {
    await condition(() => outbox.length > 0 || (winding() && allHandlersFinished() && quiet()));
    while (outbox.length > 0) {
      await projectCommissionEvent(outbox[0]);
      projectedSeq = outbox.shift()!.event.seq;
    }
    if (outbox.length > 0 || !allHandlersFinished() || !quiet()) continue;
    if (isFinal(state.stage)) return state;
    if (workflowInfo().continueAsNewSuggested) {
      log.info('continuing as new', { version: state.version });
      return continueAsNew<typeof commissionWorkflow>({ kind: 'resume', state });
    }
  }
}
