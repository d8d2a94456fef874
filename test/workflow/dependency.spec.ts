import { randomUUID } from 'node:crypto';
import {
  COMMISSION_WORKFLOW_TYPE,
  CancelCommissionUpdate,
  CommissionStateQuery,
  DependentRegisteredSignal,
  commissionWorkflowId,
} from '@app/contracts';
import type { commissionWorkflowV5 } from '@app/workflows';
import { initialState } from '../../workflows/commission/initial-state';
import { eventually } from '../support/eventually';
import { newCommission, people } from '../unit/fixtures';
import { startStubWorker } from './stub-worker';

type Stub = Awaited<ReturnType<typeof startStubWorker>>;

describe('dependency gates between two commission workflows', () => {
  let stub: Stub;
  beforeAll(async () => {
    stub = await startStubWorker();
  });
  afterAll(() => stub.stop());

  const messagesTo = (id: string, message: string) =>
    stub.seen.recorded.filter((n) => n.commissionId === id && 'message' in n && n.message === message);

  it('a dependent registering after the gate was met is told at once, and only once', async () => {
    const upstreamId = randomUUID();
    const report = { at: new Date().toISOString(), reportId: 'interim-1', version: 1 };
    // The other commission, in delivery with its interim report accepted (as the delivery stage records it).
    const state = {
      ...initialState(newCommission({ id: upstreamId }), new Date().toISOString()),
      stage: 'in-delivery' as const,
      gatesMet: { 'interim-report-accepted': report },
    };
    const upstream = await stub.client.workflow.start<typeof commissionWorkflowV5>(COMMISSION_WORKFLOW_TYPE, {
      workflowId: commissionWorkflowId(upstreamId),
      taskQueue: stub.taskQueue,
      args: [{ kind: 'resume', state }],
    });
    const dependentId = randomUUID();
    const commission = newCommission({
      id: dependentId,
      dependsOn: { commissionId: upstreamId, gate: 'interim-report-accepted' },
    });
    const dependent = await stub.client.workflow.start<typeof commissionWorkflowV5>(
      COMMISSION_WORKFLOW_TYPE,
      {
        workflowId: commissionWorkflowId(dependentId),
        taskQueue: stub.taskQueue,
        args: [{ kind: 'open', commission }],
      },
    );
    const met = await eventually(
      () => dependent.query(CommissionStateQuery),
      (s) => s.dependency?.status === 'met',
      10_000,
      'the gate met',
    );
    expect(met.dependency?.input).toEqual({ commissionId: upstreamId, reportId: 'interim-1', version: 1 });
    // A repeated registration and a later cancellation of the other tell it nothing more.
    await upstream.signal(DependentRegisteredSignal, {
      commissionId: dependentId,
      gate: 'interim-report-accepted',
    });
    await upstream.executeUpdate(CancelCommissionUpdate, {
      args: [{ actor: people.officer, reason: 'done' }],
    });
    await upstream.result();
    const after = await dependent.query(CommissionStateQuery);
    expect(after.dependency?.status).toBe('met');
    expect(messagesTo(dependentId, 'dependency-met')).toHaveLength(1);
    expect(messagesTo(dependentId, 'dependency-never-to-be-met')).toHaveLength(0);
    await dependent.executeUpdate(CancelCommissionUpdate, {
      args: [{ actor: people.officer, reason: 'end' }],
    });
  });
});
