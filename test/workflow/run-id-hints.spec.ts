import { randomUUID } from 'node:crypto';
import {
  Client,
  Connection,
  WorkflowNotFoundError,
  type WorkflowClientInterceptor,
  type WorkflowHandleWithFirstExecutionRunId,
} from '@temporalio/client';
import { loadConfig } from '@app/config';
import {
  CancelCommissionUpdate,
  COMMISSION_WORKFLOW_TYPE,
  EditSpecificationUpdate,
  commissionWorkflowId,
} from '@app/contracts';
import { RunIdHints, retriesForRunIdHints } from '@app/temporal';
import type { commissionWorkflowV5 } from '@app/workflows';
import { newCommission, people } from '../unit/fixtures';
import { startStubWorker } from './stub-worker';

/** The run each update was sent to, as it left the client (undefined: by workflow id alone). */
class SentTo implements WorkflowClientInterceptor {
  readonly runs: (string | undefined)[] = [];
  startUpdate: WorkflowClientInterceptor['startUpdate'] = (input, next) => {
    this.runs.push(input.workflowExecution.runId);
    return next(input);
  };
}

describe('updates sent to the run last seen (RunIdHints), against the real Temporal server', () => {
  let stub: Awaited<ReturnType<typeof startStubWorker>>;
  let connection: Connection;
  let hints: RunIdHints;
  let sent: SentTo;
  let hinted: Client;
  beforeAll(async () => {
    stub = await startStubWorker();
    const { temporal } = loadConfig();
    connection = await Connection.connect({
      address: temporal.address,
      interceptors: retriesForRunIdHints(),
    });
    hints = new RunIdHints();
    sent = new SentTo();
    // The spy comes after the hints, so it sees the run they chose.
    hinted = new Client({
      connection,
      namespace: temporal.namespace,
      interceptors: { workflow: [hints, sent] },
    });
  });
  afterAll(async () => {
    await connection.close();
    await stub.stop();
  });
  beforeEach(() => sent.runs.splice(0));

  async function open(
    commissionId: string,
  ): Promise<WorkflowHandleWithFirstExecutionRunId<typeof commissionWorkflowV5>> {
    return stub.client.workflow.start<typeof commissionWorkflowV5>(COMMISSION_WORKFLOW_TYPE, {
      workflowId: commissionWorkflowId(commissionId),
      taskQueue: stub.taskQueue,
      args: [{ kind: 'open', commission: newCommission({ id: commissionId }) }],
    });
  }
  const edit = (workflowId: string, content: string) =>
    hinted.workflow
      .getHandle<typeof commissionWorkflowV5>(workflowId)
      .executeUpdate(EditSpecificationUpdate, {
        args: [{ actor: people.officer, content, contentHash: `h:${content}` }],
      });

  it('learns the run from the first answer and names it in every later update', async () => {
    const first = await open(randomUUID());
    await edit(first.workflowId, 'one');
    expect(hints.runOf(first.workflowId)).toBe(first.firstExecutionRunId);
    const view = await edit(first.workflowId, 'two');
    expect(view.specification?.versions).toHaveLength(2);
    expect(sent.runs).toEqual([undefined, first.firstExecutionRunId]);
  });

  it('sends again by workflow id alone when the run it knew has ended, and learns the new one', async () => {
    const id = randomUUID();
    const first = await open(id);
    await edit(first.workflowId, 'in the first run');
    // The run it knew ends and another takes the workflow id, as after a continue-as-new or reset.
    await first.terminate('replaced by a new run');
    const second = await open(id);
    const view = await edit(first.workflowId, 'in the second run');
    // The second run's first version: the first run's edit is not in it.
    expect(view.specification?.versions).toHaveLength(1);
    expect(sent.runs).toEqual([undefined, first.firstExecutionRunId, undefined]);
    expect(hints.runOf(first.workflowId)).toBe(second.firstExecutionRunId);
    // The ended run applied nothing: the second run's history has the one update.
    const accepted = (await second.fetchHistory()).events?.filter(
      (e) => e.workflowExecutionUpdateAcceptedEventAttributes,
    );
    expect(accepted).toHaveLength(1);
    await second.terminate('done');
  });

  it('still says the workflow is gone when no run of it is left', async () => {
    const first = await open(randomUUID());
    await edit(first.workflowId, 'text');
    await hinted.workflow
      .getHandle<typeof commissionWorkflowV5>(first.workflowId)
      .executeUpdate(CancelCommissionUpdate, { args: [{ actor: people.officer, reason: 'not needed' }] });
    await first.result();
    await expect(edit(first.workflowId, 'after the end')).rejects.toBeInstanceOf(WorkflowNotFoundError);
    // Tried at the run it knew, then by workflow id alone; and not remembered past its end.
    expect(sent.runs.slice(-2)).toEqual([first.firstExecutionRunId, undefined]);
    expect(hints.runOf(first.workflowId)).toBeUndefined();
  });

  it('leaves an update that names its own run as the caller sent it', async () => {
    const first = await open(randomUUID());
    await edit(first.workflowId, 'text');
    await first.terminate('replaced');
    const pinned = hinted.workflow.getHandle<typeof commissionWorkflowV5>(
      first.workflowId,
      first.firstExecutionRunId,
    );
    await expect(
      pinned.executeUpdate(EditSpecificationUpdate, {
        args: [{ actor: people.officer, content: 'late', contentHash: 'h:late' }],
      }),
    ).rejects.toBeInstanceOf(WorkflowNotFoundError);
    expect(sent.runs.slice(-1)).toEqual([first.firstExecutionRunId]);
  });
});
