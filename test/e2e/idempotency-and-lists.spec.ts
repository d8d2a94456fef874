import { createHash, randomUUID } from 'node:crypto';
import { CommissionFactory } from '../support/factories';
import { people } from '../support/people';
import { startWorld, type World } from '../support/world';

describe('Idempotency-Key and the read-model list', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world.stop());

  const count = async (title: string) =>
    (await world.ds.query('SELECT count(*)::int AS n FROM commissions WHERE title = $1', [title]))[0].n;

  describe('Idempotency-Key', () => {
    it('answers a repeat with the first result and creates nothing twice', async () => {
      const title = `Idempotent ${randomUUID()}`;
      const body = CommissionFactory.withPanel().with({ title }).build();
      const key = randomUUID();
      const first = await world.as(people.officer).post('/v1/commissions', body, key).expect(201);
      const repeat = await world.as(people.officer).post('/v1/commissions', body, key).expect(201);
      expect(repeat.headers['idempotent-replayed']).toBe('true');
      expect(repeat.body).toEqual(first.body);
      expect(await count(title)).toBe(1);
    });

    it('opens no second commission when the first answer was lost, and takes over a dead claim', async () => {
      const body = CommissionFactory.withPanel()
        .with({ title: `Lost answer ${randomUUID()}` })
        .build();
      const key = randomUUID();
      const first = await world.as(people.officer).post('/v1/commissions', body, key).expect(201);
      // As if the API died after starting the workflow but before storing its answer.
      await world.ds.query(
        `UPDATE idempotency_keys SET status_code = NULL, response_body = NULL, created_at = now() - interval '1 minute'
          WHERE key = $1`,
        [key],
      );
      const retry = await world.as(people.officer).post('/v1/commissions', body, key).expect(201);
      expect(retry.body.id).toBe(first.body.id);
      expect(await count(body.title as string)).toBe(1);
    });

    it('answers 409 while the first request with a key is still in flight', async () => {
      const key = randomUUID();
      const body = CommissionFactory.withPanel().build();
      await world.ds.query(
        `INSERT INTO idempotency_keys (principal, key, method, path, request_hash) VALUES ($1, $2, 'POST', '/v1/commissions', $3)`,
        [
          people.officer.userId,
          key,
          createHash('sha256')
            .update(`POST /v1/commissions\n${JSON.stringify(body)}`)
            .digest('hex'),
        ],
      );
      const res = await world.as(people.officer).post('/v1/commissions', body, key).expect(409);
      expect(res.body.detail).toMatch(/still being answered/);
    });

    it('refuses the same key with a different body', async () => {
      const key = randomUUID();
      await world
        .as(people.officer)
        .post('/v1/commissions', CommissionFactory.withPanel().build(), key)
        .expect(201);
      const res = await world
        .as(people.officer)
        .post('/v1/commissions', CommissionFactory.withPanel().with({ title: 'Something else' }).build(), key)
        .expect(409);
      expect(res.body.detail).toBe('this Idempotency-Key was used with a different request');
    });

    it('keeps keys per caller, and frees a key whose request was refused', async () => {
      const key = randomUUID();
      const created = await world
        .as(people.officer)
        .post('/v1/commissions', CommissionFactory.withPanel().build())
        .expect(201);
      const id = created.body.id;
      // Refused (no specification yet): the key is not spent on a refusal.
      await world
        .as(people.officer)
        .post(`/v1/commissions/${id}/specification/submit`, { respondBy: '2030-01-01T00:00:00Z' }, key)
        .expect(409);
      await world
        .as(people.officer)
        .put(`/v1/commissions/${id}/specification`, { content: '# v1' })
        .expect(200);
      const ok = await world
        .as(people.officer)
        .post(`/v1/commissions/${id}/specification/submit`, { respondBy: '2030-01-01T00:00:00Z' }, key)
        .expect(200);
      const replay = await world
        .as(people.officer)
        .post(`/v1/commissions/${id}/specification/submit`, { respondBy: '2030-01-01T00:00:00Z' }, key)
        .expect(200);
      expect(replay.body.version).toBe(ok.body.version);
      // Another caller's identical key is theirs alone.
      await world
        .as(people.wood)
        .post(`/v1/commissions/${id}/sign-offs`, { decision: 'approve', specificationVersion: 1 }, key)
        .expect(200);
    });

    it('refuses a malformed key', async () => {
      await world
        .as(people.officer)
        .post('/v1/commissions', CommissionFactory.withPanel().build(), 'has spaces {and} braces')
        .expect(400);
    });
  });

  describe('GET /v1/commissions', () => {
    const programmeId = `programme-${randomUUID()}`;
    const ids: string[] = [];

    beforeAll(async () => {
      for (const title of ['Alpha capacity study', 'Beta commissioning study', 'Gamma capacity review']) {
        const res = await world
          .as(people.officer)
          .post('/v1/commissions', CommissionFactory.withPanel().with({ title, programmeId }).build())
          .expect(201);
        ids.push(res.body.id);
      }
      await world
        .as(people.officer)
        .post(`/v1/commissions/${ids[1]}/cancel`, { reason: 'merged' })
        .expect(200);
    });

    it('filters by programme, stage and words, newest first', async () => {
      const all = await world
        .as(people.observer)
        .get(`/v1/commissions?programmeId=${programmeId}`)
        .expect(200);
      expect(all.body.items.map((c: { id: string }) => c.id)).toEqual([...ids].reverse());
      const drafting = await world
        .as(people.observer)
        .get(`/v1/commissions?programmeId=${programmeId}&stage=drafting`)
        .expect(200);
      expect(drafting.body.items.map((c: { id: string }) => c.id)).toEqual([ids[2], ids[0]]);
      const capacity = await world
        .as(people.observer)
        .get(`/v1/commissions?programmeId=${programmeId}&q=CAPACITY%20REVIEW`)
        .expect(200);
      expect(capacity.body.items.map((c: { title: string }) => c.title)).toEqual(['Gamma capacity review']);
    });

    it('pages with a cursor until there is no next page', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await world
          .as(people.observer)
          .get(`/v1/commissions?programmeId=${programmeId}&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
          .expect(200);
        seen.push(...res.body.items.map((c) => c.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual([...ids].reverse());
    });

    it('gives suppliers an empty page for a stage they may not see', async () => {
      const res = await world.as(people.supplier).get('/v1/commissions?stage=drafting').expect(200);
      expect(res.body).toEqual({ items: [], nextCursor: null });
    });

    it('refuses bad filters with 400', async () => {
      await world.as(people.observer).get('/v1/commissions?stage=nowhere').expect(400);
      await world.as(people.observer).get('/v1/commissions?limit=1000').expect(400);
      const forged = Buffer.from(JSON.stringify({ createdAt: '2026-01-01T00:00:00Z', id: 'nope' })).toString(
        'base64url',
      );
      await world.as(people.observer).get(`/v1/commissions?cursor=${forged}`).expect(400);
      const res = await world.as(people.observer).get('/v1/commissions?cursor=garbage').expect(400);
      expect(res.body.errors).toEqual([{ field: 'cursor', message: 'invalid cursor' }]);
    });
  });
});
