import { commissionWorkflowId } from '@app/contracts';
import { drive } from '../support/drive';
import { eventually } from '../support/eventually';
import { freePort } from '../support/free-port';
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
    delete process.env.WORKER_METRICS_ADDRESS;
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

  it("serves the SDK's metrics where WORKER_METRICS_ADDRESS says, for Prometheus", async () => {
    await worker?.stop();
    const address = `127.0.0.1:${await freePort()}`;
    process.env.WORKER_METRICS_ADDRESS = address;
    worker = await spawnWorker(world.config);
    await drive(world).opened().drafted({ content: '# v1' }).submitted();
    // Durations in seconds; the commission's tasks and its writes from them are counted. The worker
    // records a task's latency once the server has taken its completion, which can be just after
    // the API has answered the command that the task completed: so it is asked until they show.
    const count = (metrics: string, metric: string) =>
      [...metrics.matchAll(new RegExp(`^${metric}_count\\{[^}]*\\} (\\d+)$`, 'gm'))].reduce(
        (n, m) => n + Number(m[1]),
        0,
      );
    const metrics = await eventually(
      async () => (await fetch(`http://${address}/metrics`)).text(),
      (text) =>
        count(text, 'temporal_workflow_task_execution_latency') >= 3 &&
        count(text, 'temporal_local_activity_execution_latency') >= 3,
      10_000,
      'three workflow tasks and three local activities in the metrics',
    );
    expect(metrics).toMatch(/temporal_workflow_task_execution_latency_bucket\{[^}]*le="0.1"/);
  });
});
