import { ServiceError, WorkflowNotFoundError, type WorkflowStartUpdateInput } from '@temporalio/client';
import { RunIdHints, retriesUpdate } from '@app/temporal';

// gRPC status codes (@grpc/grpc-js's `status`).
const INVALID_ARGUMENT = 3;
const RESOURCE_EXHAUSTED = 8;
const UNAVAILABLE = 14;
/** The server's ErrWorkflowClosing (service/history/consts). */
const closingDetails = 'workflow operation can not be applied because workflow is closing';

const input = (workflowId: string, runId?: string): WorkflowStartUpdateInput => ({
  updateName: 'edit',
  args: [],
  workflowExecution: { workflowId, runId },
  headers: {},
  options: {},
});

/** A server whose current run of each workflow is `current`; any other run named is not found. */
function fakeServer(current: Record<string, string>) {
  const sent: (string | undefined)[] = [];
  const next = async (i: WorkflowStartUpdateInput) => {
    const { workflowId, runId } = i.workflowExecution;
    sent.push(runId);
    if (runId !== undefined && runId !== current[workflowId])
      throw new WorkflowNotFoundError('workflow execution already completed', workflowId, runId);
    return { updateId: 'u', workflowRunId: current[workflowId] };
  };
  return { sent, next };
}

describe('RunIdHints', () => {
  it('forgets the least recently used workflow past its capacity', async () => {
    const hints = new RunIdHints(2);
    const server = fakeServer({ a: 'a1', b: 'b1', c: 'c1' });
    await hints.startUpdate(input('a'), server.next);
    await hints.startUpdate(input('b'), server.next);
    await hints.startUpdate(input('a'), server.next); // a is now the most recently used
    await hints.startUpdate(input('c'), server.next);
    expect(hints.size).toBe(2);
    expect(hints.runOf('b')).toBeUndefined();
    expect(hints.runOf('a')).toBe('a1');
    expect(hints.runOf('c')).toBe('c1');
  });

  it('passes on any failure but "not found" without sending again', async () => {
    const hints = new RunIdHints();
    const server = fakeServer({ a: 'a1' });
    await hints.startUpdate(input('a'), server.next);
    const refused = new Error('refused');
    const next = jest.fn().mockRejectedValue(refused);
    await expect(hints.startUpdate(input('a'), next)).rejects.toBe(refused);
    expect(next).toHaveBeenCalledTimes(1);
    expect(hints.runOf('a')).toBe('a1');
  });

  it('sends an update refused as its run closes again by workflow id alone, after a pause', async () => {
    const hints = new RunIdHints();
    const server = fakeServer({ a: 'a1' });
    await hints.startUpdate(input('a'), server.next);
    // As the SDK reports the server's ErrWorkflowClosing once gRPC no longer retries it.
    const closing = Object.assign(new Error(closingDetails), {
      code: RESOURCE_EXHAUSTED,
      details: closingDetails,
      metadata: {},
    });
    const sent: (string | undefined)[] = [];
    let refusals = 2;
    const next = async (i: WorkflowStartUpdateInput) => {
      sent.push(i.workflowExecution.runId);
      if (refusals-- > 0) throw new ServiceError('Workflow Update failed', { cause: closing });
      return { updateId: 'u', workflowRunId: 'a2' };
    };
    const started = Date.now();
    await expect(hints.startUpdate(input('a'), next)).resolves.toMatchObject({ workflowRunId: 'a2' });
    expect(sent).toEqual(['a1', undefined, undefined]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140); // 50 ms, then 100 ms
    expect(hints.runOf('a')).toBe('a2');
  });

  it('leaves gRPC retrying a failed update as the SDK does, except one refused because its workflow is closing', () => {
    const status = (code: number, details: string) =>
      ({ code, details, metadata: {} }) as unknown as Parameters<typeof retriesUpdate>[1];
    expect(retriesUpdate(1, status(RESOURCE_EXHAUSTED, closingDetails))).toBe(false);
    expect(retriesUpdate(1, status(RESOURCE_EXHAUSTED, 'namespace rate limit exceeded'))).toBe(true);
    expect(retriesUpdate(1, status(UNAVAILABLE, 'connection refused'))).toBe(true);
    expect(retriesUpdate(10, status(UNAVAILABLE, 'connection refused'))).toBe(false); // the SDK's 10 tries
    expect(retriesUpdate(1, status(INVALID_ARGUMENT, 'bad request'))).toBe(false);
  });
});
