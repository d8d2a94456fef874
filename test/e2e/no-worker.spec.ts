import { CommissionFactory } from '../support/factories';
import { people } from '../support/people';
import { startWorld, type World } from '../support/world';

/** With no worker polling, the API answers in bounded time, and says a retry is safe. */
describe('when no worker is running', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ worker: false });
  });
  afterAll(() => world.stop());

  it('answers opening a commission with a 503 problem in bounded time, not an endless wait', async () => {
    const started = Date.now();
    const res = await world
      .as(people.officer)
      .post('/v1/commissions', CommissionFactory.withPanel(2).build(), `no-worker-${started}`);
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.detail).toContain('retry with the same Idempotency-Key');
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 45_000);
});
