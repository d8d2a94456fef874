import { commissionWorkflowId } from '@app/contracts';
import { drive } from '../support/drive';
import { spawnWorker, type WorkerProcess } from '../support/worker-process';
import { startWorld, type World } from '../support/world';

/**
 * The worker as ./scripts/start runs it, with apps/worker/src/workflow-threads.ts preloaded: its
 * workflow threads capture no stack per promise (the stack-trace query says so), and commissions
 * run as ever; WORKFLOW_STACK_TRACES=on keeps the capture.
 */
describe('the workflow threads, as the start command runs the worker', () => {
  let world: World;
  let worker: WorkerProcess | undefined;

  beforeAll(async () => {
    world = await startWorld({ worker: false });
  });
  afterAll(async () => {
    await worker?.stop();
    await world.stop();
    delete process.env.WORKFLOW_STACK_TRACES;
  });

  const stackTrace = (id: string) =>
    world.client.workflow.getHandle(commissionWorkflowId(id)).query<string>('__stack_trace');

  it('captures no stack per promise, and runs commissions as ever', async () => {
    worker = await spawnWorker(world.config);
    const commission = await drive(world).opened().drafted({ content: '# v1' }).submitted();
    expect((await commission.view()).stage).toBe('panel-review');
    await expect(stackTrace(commission.id)).rejects.toThrow(/stack traces are not enabled/);
  });

  it('keeps the capture with WORKFLOW_STACK_TRACES=on', async () => {
    await worker?.stop();
    process.env.WORKFLOW_STACK_TRACES = 'on';
    worker = await spawnWorker(world.config);
    const { id } = await drive(world).opened().drafted({ content: '# v1' });
    expect(await stackTrace(id)).toMatch(/commission/i);
  });
});
