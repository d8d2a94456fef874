import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import {
  CancelCommissionUpdate,
  CommissionStateQuery,
  DeclareConflictUpdate,
  EditSpecificationUpdate,
  ProjectedUpdate,
  SignOffUpdate,
  SubmitSpecificationUpdate,
  isFinal,
  type Actor,
  type ActorRef,
  type CommissionView,
  type NewCommission,
  type Projection,
  type RefusalDetails,
} from '@app/contracts';
import type { CommissionActivities } from '@app/activities';
import * as decide from './decide';
import { initialState, summaryOf } from './initial-state';
import type { CommandRefusal } from './refusal';

export type CommissionWorkflowInput =
  { kind: 'open'; commission: NewCommission } | { kind: 'resume'; state: CommissionView };

const { projectCommissionEvent } = proxyActivities<CommissionActivities>({
  startToCloseTimeout: '15 seconds',
  // The read model must catch up whatever the database does, so there is no attempt limit.
  retry: { initialInterval: '500 ms', backoffCoefficient: 2, maximumInterval: '30 seconds' },
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
    const change = apply(state, cmd, nowIso());
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

  // Projection runs in order, one event at a time, so the read model never sees a gap. Handlers
  // may be waiting on projection, so the loop keeps draining until they have all answered.
  const winding = () => isFinal(state.stage) || workflowInfo().continueAsNewSuggested;
  for (;;) {
    await condition(() => outbox.length > 0 || (winding() && allHandlersFinished()));
    while (outbox.length > 0) {
      await projectCommissionEvent(outbox[0]);
      projectedSeq = outbox.shift()!.event.seq;
    }
    if (outbox.length > 0 || !allHandlersFinished()) continue;
    if (isFinal(state.stage)) return state;
    if (workflowInfo().continueAsNewSuggested) {
      log.info('continuing as new', { version: state.version });
      return continueAsNew<typeof commissionWorkflow>({ kind: 'resume', state });
    }
  }
}
