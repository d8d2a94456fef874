import { eventually } from '../support/eventually';
import { CommissionFactory } from '../support/factories';
import { startWebhookReceiver, type WebhookReceiver } from '../support/receivers';
import { spawnWorker, type WorkerProcess } from '../support/worker-process';
import { startWorld, type World } from '../support/world';
import { drive } from '../support/drive';

/**
 * Nothing lost, nothing doubled: the worker is killed (SIGKILL) at the worst moments, and every
 * reminder is still recorded once and delivered at least once, always under the same key.
 */
describe('delivery when the worker dies', () => {
  let world: World;
  let hooks: WebhookReceiver;
  let worker: WorkerProcess;

  beforeAll(async () => {
    hooks = await startWebhookReceiver();
    world = await startWorld({
      worker: false,
      notifications: { webhookUrl: hooks.url, webhookSecret: 'crash-test-secret-0123456789' },
    });
    worker = await spawnWorker(world.config);
  });
  afterAll(async () => {
    await worker.stop();
    await world.stop();
    await hooks.close();
  });

  async function remindedIn(ms: number): Promise<string> {
    const factory = CommissionFactory.withPanel(1)
      .unanimous()
      .with({ reminderPolicy: { before: [`PT${ms / 1000}S`], overdueEvery: 'PT1H' } });
    const { id } = await drive(world).opened({ factory }).drafted({ content: '# v1' });
    const respondBy = new Date(Date.now() + 2 * ms).toISOString();
    await drive(world).resume(id).submitted({ respondBy });
    return id;
  }

  const outbox = async (id: string) =>
    world.ds.query(
      `SELECT n.key, d.status, d.attempts FROM notifications n
         JOIN notification_deliveries d ON d.notification_key = n.key
        WHERE n.commission_id = $1 AND n.kind = 'reminder'`,
      [id],
    );

  it('redelivers under the same key when the worker dies between sending and recording', async () => {
    let killed: Promise<void> | undefined;
    hooks.respond = async (_call, nth) => {
      if (nth === 1) {
        killed = worker.kill(); // the receiver has it; the worker never hears back
        await killed;
      }
      return 200;
    };
    const id = await remindedIn(2000);
    await hooks.waitFor(() => hooks.for(id).length >= 1, 15_000);
    await killed;
    worker = await spawnWorker(world.config);

    const calls = await hooks.waitFor(() => hooks.for(id).length >= 2, 40_000).then(() => hooks.for(id));
    expect(new Set(calls.map((c) => c.headers['idempotency-key']))).toEqual(new Set([calls[0].body.key]));
    const rows = await eventually(
      () => outbox(id),
      (r) => r[0]?.status === 'sent',
      5000,
    );
    expect(rows).toEqual([{ key: calls[0].body.key, status: 'sent', attempts: 1 }]);
  });

  it('finishes a delivery whose retry was interrupted by the worker dying', async () => {
    hooks.respond = (_call, nth) => (nth === 1 ? 500 : 200);
    const id = await remindedIn(2000);
    await eventually(
      () => outbox(id),
      (r) => r[0]?.attempts === 1,
      15_000,
    );
    await worker.kill(); // inside the 1 s backoff before the retry
    worker = await spawnWorker(world.config);

    await hooks.waitFor(() => hooks.for(id).length >= 2, 40_000);
    const calls = hooks.for(id);
    expect(calls.map((c) => c.headers['idempotency-key'])).toEqual([calls[0].body.key, calls[0].body.key]);
    const rows = await eventually(
      () => outbox(id),
      (r) => r[0]?.status === 'sent',
      5000,
    );
    expect(rows).toEqual([{ key: calls[0].body.key, status: 'sent', attempts: 2 }]);
  });
});
