import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import {
  COMMISSION_WORKFLOW_TYPE,
  CancelCommissionUpdate,
  CommissionStageAttribute,
  CommissionStateQuery,
  EditSpecificationUpdate,
  MoveDeadlineUpdate,
  SubmitSpecificationUpdate,
  commissionWorkflowId,
  type Actor,
} from '@app/contracts';
import type { commissionWorkflowV5 } from '@app/workflows';
import { eventually } from '../support/eventually';
import { newCommission, people } from '../unit/fixtures';
import { startStubWorker } from './stub-worker';

type Stub = Awaited<ReturnType<typeof startStubWorker>>;

describe('the commission workflow kernel, with stub activities', () => {
  let stub: Stub;
  /** Deliveries that take seconds, for a test that cancels while one is in flight. */
  let slowDeliveries = false;
  beforeAll(async () => {
    // Random projection times, so ordering is not an accident of timing; recordings slower than
    // any projection, so a run that let both in flight at once would replay them in another order.
    stub = await startStubWorker({
      projectionDelayMs: () => Math.floor(Math.random() * 30),
      recordingDelayMs: () => 60,
      deliveryDelayMs: () => (slowDeliveries ? 5000 : 0),
    });
  });
  afterAll(() => stub.stop());

  async function open(
    overrides = {},
    workflowType: string = COMMISSION_WORKFLOW_TYPE,
  ): Promise<WorkflowHandle<typeof commissionWorkflowV5>> {
    const commission = newCommission({ id: randomUUID(), ...overrides });
    return stub.client.workflow.start<typeof commissionWorkflowV5>(workflowType, {
      workflowId: commissionWorkflowId(commission.id),
      taskQueue: stub.taskQueue,
      args: [{ kind: 'open', commission }],
    });
  }
  const edit = (h: WorkflowHandle, content: string, actor: Actor = people.officer) =>
    h.executeUpdate(EditSpecificationUpdate, { args: [{ actor, content, contentHash: `h:${content}` }] });
  /** A specification written and sent to the panel, who have an hour to respond. */
  const submitForSignOff = async (h: WorkflowHandle) => {
    await edit(h, 'text');
    await h.executeUpdate(SubmitSpecificationUpdate, {
      args: [{ actor: people.officer, respondBy: new Date(Date.now() + 3600_000).toISOString() }],
    });
  };
  const projectedOf = (h: WorkflowHandle) =>
    stub.seen.projections.filter((p) => p.commissionId === h.workflowId.replace('commission-', ''));

  it('projects events in sequence, without gaps, and answers each command only after its event is projected', async () => {
    const h = await open();
    const answers = await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const view = await edit(h, `draft ${i}`);
        // Read-your-writes: when the update answers, its event has reached the projection.
        expect(projectedOf(h).map((p) => p.event.seq)).toContain(view.version);
        return view.version;
      }),
    );
    expect(new Set(answers).size).toBe(8);
    expect(projectedOf(h).map((p) => p.event.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // Each batch is consecutive events, the last carrying the whole view as it was at that event
    // (the read model keeps only the latest view, so the others leave it out).
    const batches = stub.seen.batches.filter((b) => b[0].commissionId === projectedOf(h)[0].commissionId);
    for (const b of batches) {
      expect(b.map((p) => p.event.seq)).toEqual(b.map((_, i) => b[0].event.seq + i));
      expect(b.at(-1)!.view?.version).toBe(b.at(-1)!.event.seq);
      for (const p of b.slice(0, -1)) expect(p.view).toBeUndefined();
    }
  });

  it('sends a reminder when it falls due and plans afresh when the deadline moves', async () => {
    const h = await open({ reminderPolicy: { before: ['PT1S'], overdueEvery: 'PT1H' } });
    await edit(h, 'text');
    const respondBy = new Date(Date.now() + 60_000).toISOString();
    await h.executeUpdate(SubmitSpecificationUpdate, { args: [{ actor: people.officer, respondBy }] });
    const dueAt = new Date(Date.now() + 2500).toISOString();
    await h.executeUpdate(MoveDeadlineUpdate, {
      args: [{ actor: people.officer, milestone: 'sign-off', dueAt, reason: 'sooner' }],
    });
    const id = h.workflowId.replace('commission-', '');
    const reminders = await eventually(
      () => stub.seen.recorded.filter((n) => n.commissionId === id),
      (ns) => ns.length >= 1,
      10_000,
      'the moved deadline’s reminder',
    );
    // Version 2 is the moved deadline; version 1's reminder (a minute away) was never sent.
    expect(reminders.map((n) => n.key)).toEqual([`${id}:sign-off:v2:before:PT1S`]);
    await eventually(
      () => stub.seen.delivered,
      (d) => d.includes(reminders[0].key),
      5000,
      'delivery',
    );
  });

  it('tells everyone named once when a commission is cancelled, then ends', async () => {
    const h = await open();
    await h.executeUpdate(CancelCommissionUpdate, {
      args: [{ actor: people.officer, reason: 'No longer needed' }],
    });
    const final = await h.result();
    expect(final.stage).toBe('cancelled');
    const id = h.workflowId.replace('commission-', '');
    const messages = stub.seen.recorded.filter((n) => n.commissionId === id);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ topic: 'message', message: 'commission-cancelled' });
    expect(messages[0].recipients.map((r) => r.userId).sort()).toEqual(
      [people.officer, people.chair, people.wood, people.trowler, people.observer]
        .map((p) => p.userId)
        .sort(),
    );
  });

  it("records a command's notifications with its projection, in one write; V3 in a write of their own; V2 by an activity each", async () => {
    const history = async (h: WorkflowHandle) => (await h.fetchHistory()).events ?? [];
    const scheduled = async (h: WorkflowHandle) =>
      (await history(h)).flatMap((e) => {
        const name = e.activityTaskScheduledEventAttributes?.activityType?.name;
        return name ? [name] : [];
      });
    const localWrites = async (h: WorkflowHandle) =>
      (await history(h)).filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity')
        .length;
    const current = await open();
    const third = await open({}, 'commissionWorkflowV3');
    const older = await open({}, 'commissionWorkflowV2');
    const runs = [current, third, older];
    for (const h of runs) {
      await submitForSignOff(h);
      await h.executeUpdate(CancelCommissionUpdate, {
        args: [{ actor: people.officer, reason: 'Not needed' }],
      });
      await h.result();
    }
    const [currentId, thirdId, olderId] = runs.map((h) => h.workflowId.replace('commission-', ''));
    // The panel asked to sign off (the deadline's opening notice), then everyone told of the cancel.
    for (const id of [currentId, thirdId, olderId]) {
      const recorded = stub.seen.recorded.filter((n) => n.commissionId === id);
      expect(recorded.map((n) => (n.topic === 'message' ? n.message : n.milestone))).toEqual([
        'sign-off',
        'commission-cancelled',
      ]);
    }
    // V5 (as V4) and V3: no activity task to record either; V5 delivers what each write recorded together.
    expect(await scheduled(current)).toEqual(['deliverNotifications', 'deliverNotifications']);
    expect(await scheduled(third)).toEqual(['deliverNotification', 'deliverNotification']);
    expect(await scheduled(older)).toEqual([
      'recordNotification',
      'deliverNotification',
      'recordNotification',
      'deliverNotification',
    ]);
    // V5 (as V4): each notification rode with the projection of the event that raised it.
    const writes = stub.seen.writes.filter((w) => w.projection?.batch[0].commissionId === currentId);
    const carrying = writes.filter((w) => w.notifications);
    expect(carrying.map((w) => w.projection?.batch.map((p) => p.event.action))).toEqual([
      ['specification-submitted'],
      ['commission-cancelled'],
    ]);
    expect(stub.seen.writes.filter((w) => w.notifications?.list[0].commissionId === currentId)).toEqual(
      carrying,
    );
    // One local activity per command: open, edit, submit, cancel. V3 made one more per notification.
    expect(await localWrites(current)).toBe(4);
    expect(await localWrites(third)).toBe(6);
    // Each recording says its task, and the second names the first, in history by then.
    for (const id of [currentId, thirdId]) {
      const by = stub.seen.recordedBy.filter((r) => r.commissionId === id);
      expect(by).toHaveLength(2);
      expect(by[0].lastRecordedIn).toBe(0);
      expect(by[1].lastRecordedIn).toBe(by[0].historyLength);
      expect(by[1].historyLength).toBeGreaterThan(by[0].historyLength);
      expect(by[1].runId).toBe(by[0].runId);
    }
    // V3's local activities one at a time, so the history replays as it ran (the projection's
    // random delay would otherwise let the recording resolve first, or with it).
    for (const h of runs) {
      await Worker.runReplayHistory(
        { workflowBundle: { codePath: process.env.TEST_WORKFLOW_BUNDLE! } },
        await h.fetchHistory(),
        `replay-${h.workflowId}`,
      );
    }
  });

  it('turns a cancellation requested from Temporal into an audited cancel by the operator, and ends cleanly', async () => {
    const h = await open();
    await edit(h, 'text');
    await h.cancel();
    const final = await h.result();
    expect(final.stage).toBe('cancelled');
    expect(final.cancellation?.by).toEqual({ userId: 'system:temporal-operator', name: 'Temporal operator' });
    expect((await h.describe()).status.name).toBe('COMPLETED');
    const last = projectedOf(h).at(-1)!;
    expect(last.event).toMatchObject({
      seq: 3,
      action: 'commission-cancelled',
      fromStage: 'drafting',
      toStage: 'cancelled',
    });
    expect(last.event.actor.userId).toBe('system:temporal-operator');
    expect(last.view?.stage).toBe('cancelled');
  });

  it('ends cleanly when cancelled from Temporal while a delivery is in flight, of either kind', async () => {
    slowDeliveries = true;
    try {
      for (const type of [COMMISSION_WORKFLOW_TYPE, 'commissionWorkflowV3']) {
        const h = await open({}, type);
        // The panel's reminder is due at once (the policy's offsets are all past): its delivery starts.
        await submitForSignOff(h);
        await new Promise((r) => setTimeout(r, 1000));
        await h.cancel();
        // A delivery cancelled with the run must not be followed by an attempt to record it as
        // abandoned in the cancelled scope: that rejection failed every workflow task after it.
        const ended = await Promise.race([
          h.result(),
          new Promise<never>((_, reject) =>
            setTimeout(() => reject(new Error(`${type} never ended`)), 10_000),
          ),
        ]);
        expect(ended.stage).toBe('cancelled');
      }
    } finally {
      slowDeliveries = false;
    }
  });

  it('records no patch marker in a run of the current type; the first type still marks every patch', async () => {
    const patchEvents = async (h: WorkflowHandle) =>
      ((await h.fetchHistory()).events ?? []).filter(
        (e) =>
          e.markerRecordedEventAttributes?.markerName === 'core_patch' ||
          e.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields
            ?.TemporalChangeVersion,
      ).length;
    const current = await open();
    const first = await open({}, 'commissionWorkflow');
    for (const h of [current, first]) {
      await submitForSignOff(h);
    }
    expect(await patchEvents(current)).toBe(0);
    // A marker and a TemporalChangeVersion upsert for each patch asked at the start, at least.
    expect(await patchEvents(first)).toBeGreaterThanOrEqual(14);
    // The same commission either way.
    const [a, b] = await Promise.all([current, first].map((h) => h.query(CommissionStateQuery)));
    expect([a.stage, a.version, a.deadlines?.map((d) => d.milestone)]).toEqual([
      b.stage,
      b.version,
      b.deadlines?.map((d) => d.milestone),
    ]);
    expect(a.stage).toBe('panel-review');
  });

  it('keeps its stage as a search attribute an operator can filter by', async () => {
    const h = await open();
    await submitForSignOff(h);
    const described = await h.describe();
    expect(described.typedSearchAttributes.get(CommissionStageAttribute)).toBe('panel-review');
  });

  it('recognises a retried update after continue-as-new, where Temporal no longer deduplicates it', async () => {
    const h = await open();
    const first = await h.executeUpdate(EditSpecificationUpdate, {
      args: [{ actor: people.officer, content: 'the first', contentHash: 'h:first' }],
      updateId: 'client-key-1',
    });
    const firstRun = (await h.describe()).runId;
    for (let i = 0; i < 40; i += 1) await edit(h, `revision ${i}`);
    await eventually(
      () => h.describe(),
      (d) => d.runId !== firstRun,
      20_000,
      'a new run',
    );
    const retried = await h.executeUpdate(EditSpecificationUpdate, {
      args: [{ actor: people.officer, content: 'the first', contentHash: 'h:first' }],
      updateId: 'client-key-1',
    });
    expect(retried.specification.versions).toHaveLength(41);
    expect(retried.version).toBe(42);
    expect(first.version).toBe(2);
  });

  it('continues as new without losing state when the history grows long', async () => {
    const h = await open();
    const firstRun = (await h.describe()).runId;
    for (let i = 0; i < 40; i += 1) await edit(h, `revision ${i}`);
    const after = await eventually(
      () => h.describe(),
      (d) => d.runId !== firstRun,
      20_000,
      'a new run',
    );
    expect(after.status.name).toBe('RUNNING');
    const state = await h.query(CommissionStateQuery);
    expect(state.version).toBe(41);
    expect(state.specification.versions).toHaveLength(40);
  });
});
