import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import jwt from 'jsonwebtoken';
import { loadConfig } from '@app/config';
import { CommissionFactory } from '../support/factories';
import { people, tokenFor } from '../support/people';
import { rawRequest } from '../support/raw-http';
import { startWorld, type World } from '../support/world';

const PROBLEM = /application\/problem\+json/;

/** What every answer carries, and what the HTTP layer answers before any route runs. */
describe('the HTTP edge', () => {
  let world: World;
  let port: number;
  beforeAll(async () => {
    world = await startWorld();
    await world.app.listen(0, '127.0.0.1');
    port = (world.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(() => world.stop());

  describe('response headers (class 8)', () => {
    it('sends nosniff and no X-Powered-By, on answers and on errors', async () => {
      for (const res of [
        await world.as(people.observer).get('/v1/commissions').expect(200),
        await world.anonymous.get('/v1/commissions').expect(401),
        await world.anonymous.get('/v1/health'),
        await world.anonymous.get('/v1/nowhere').expect(404),
      ]) {
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['x-powered-by']).toBeUndefined();
      }
    });

    it('marks every authenticated answer Cache-Control: no-store, refusals included', async () => {
      const created = await world
        .as(people.officer)
        .post('/v1/commissions', CommissionFactory.withPanel().build())
        .expect(201);
      expect(created.headers['cache-control']).toBe('no-store');
      const read = await world.as(people.observer).get(`/v1/commissions/${created.body.id}`).expect(200);
      expect(read.headers['cache-control']).toBe('no-store');
      const refused = await world
        .as(people.wood)
        .post(`/v1/commissions/${created.body.id}/cancel`, { reason: 'r' });
      expect(refused.status).toBe(403);
      expect(refused.headers['cache-control']).toBe('no-store');
    });
  });

  describe('kept-alive connections', () => {
    it("stay open past Node's five idle seconds, so a client reusing one is answered", async () => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      try {
        const first = await getOn(agent, port, '/v1/health');
        expect(first.status).toBe(200);
        expect(first.keepAlive).toMatch(/timeout=65/);
        await sleep(6_000);
        const second = await getOn(agent, port, '/v1/health');
        // The same connection answered: the server had not closed it.
        expect(second).toMatchObject({ status: 200, reusedSocket: true });
      } finally {
        agent.destroy();
      }
    });
  });

  describe('requests refused before any route runs (class 4)', () => {
    it('answers an over-long header with 431 and a problem+json body', async () => {
      const res = await rawRequest(
        port,
        `GET /v1/commissions HTTP/1.1\r\nHost: x\r\nX-Padding: ${'a'.repeat(20_000)}\r\n\r\n`,
      );
      expect(res.status).toBe(431);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(JSON.parse(res.body)).toMatchObject({ status: 431, title: 'Request headers too large' });
    });

    it('answers malformed HTTP with 400 and a problem+json body', async () => {
      const res = await rawRequest(port, 'GET /v1/health HTTP/1.1\r\nHost x\r\n\r\n');
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body)).toMatchObject({ status: 400 });
    });

    it('answers a body over the limit with 413 problem+json', async () => {
      const res = await world.anonymous
        .post('/v1/commissions')
        .set('Authorization', `Bearer ${tokenFor(people.officer)}`)
        .set('content-type', 'application/json')
        .send(`{"title":"${'x'.repeat(300_000)}"}`)
        .expect(413);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body).toMatchObject({ status: 413, title: 'Too large' });
    });
  });

  describe('tokens (class 5)', () => {
    const secret = loadConfig().auth.secret!;
    const now = () => Math.floor(Date.now() / 1000);
    const token = (claims: Record<string, unknown>, noTimestamp = false) =>
      jwt.sign({ sub: 'officer.one', roles: ['officer'], ...claims }, secret, {
        algorithm: 'HS256',
        noTimestamp,
      });
    const refusal = async (t: string) => {
      const res = await world.anonymous.get('/v1/commissions').set('Authorization', `Bearer ${t}`);
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      return res.body.detail as string;
    };

    it('refuses a token without exp, which would never expire', async () => {
      expect(await refusal(token({}))).toMatch(/exp \(a token must carry exp\)/);
    });

    it('refuses a token that lives longer than JWT_MAX_LIFETIME (12 h by default)', async () => {
      expect(await refusal(token({ exp: now() + 30 * 365 * 86_400 }))).toMatch(/lives longer than 43200 s/);
      expect(await refusal(token({ exp: now() + 13 * 3600 }, true))).toMatch(/lives longer/);
    });

    it('refuses a token issued in the future', async () => {
      expect(await refusal(token({ iat: now() + 3600, exp: now() + 7200 }))).toMatch(/issued in the future/);
    });

    it('refuses an over-long bearer token before decoding it', async () => {
      expect(await refusal('a'.repeat(9_000))).toMatch(/longer than 8192 characters/);
    });

    it('accepts what npm run token mints', async () => {
      await world.as(people.officer).get('/v1/commissions').expect(200);
    });
  });
});

/** A GET through `agent`: its status, the server's Keep-Alive header, and whether the socket was reused. */
function getOn(
  agent: http.Agent,
  port: number,
  path: string,
): Promise<{ status: number; keepAlive: string; reusedSocket: boolean }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, agent }, (res) => {
      res.resume();
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          keepAlive: [res.headers['keep-alive'] ?? []].flat().join(', '),
          reusedSocket: req.reusedSocket,
        }),
      );
    });
    req.on('error', reject);
  });
}
