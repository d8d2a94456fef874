import { people } from '../support/people';
import { startWorld, type World } from '../support/world';

/** 429 is in the contract: a caller over its budget is told so, and when to come back (class 8). */
describe('rate limiting', () => {
  let world: World;
  const saved = { requests: process.env.RATE_LIMIT_REQUESTS, window: process.env.RATE_LIMIT_WINDOW };
  beforeAll(async () => {
    process.env.RATE_LIMIT_REQUESTS = '5';
    process.env.RATE_LIMIT_WINDOW = 'PT1M';
    world = await startWorld();
  });
  afterAll(async () => {
    await world.stop();
    for (const [name, value] of [
      ['RATE_LIMIT_REQUESTS', saved.requests],
      ['RATE_LIMIT_WINDOW', saved.window],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('answers 429 problem+json with Retry-After once a caller is over its budget, per caller', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await world.as(people.observer).get('/v1/commissions')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const res = await world.as(people.observer).get('/v1/commissions').expect(429);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 429, title: 'Too many requests' });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    // Another caller has a budget of its own.
    await world.as(people.officer).get('/v1/commissions').expect(200);
  });
});
