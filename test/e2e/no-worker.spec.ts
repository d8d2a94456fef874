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

    // The outcome is unknown, so the key stays bound to that request: another body is refused,
    // and the same request may be sent again at once (the workflow applies it at most once).
    const key = `no-worker-${started}`;
    const other = await world
      .as(people.officer)
      .post('/v1/commissions', CommissionFactory.withPanel(3).build(), key)
      .expect(409);
    expect(other.body.detail).toContain('different request');
  }, 45_000);

  it('lets the same request through again at once after a 503, instead of "still being answered"', async () => {
    const key = `no-worker-again-${Date.now()}`;
    const body = CommissionFactory.withPanel(2).build();
    expect((await world.as(people.officer).post('/v1/commissions', body, key)).status).toBe(503);
    const again = await world.as(people.officer).post('/v1/commissions', body, key);
    expect(again.status).toBe(503);
    expect(again.body.detail).toContain('retry with the same Idempotency-Key');
  }, 60_000);
});
