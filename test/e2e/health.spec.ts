import type { INestApplication } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { TEMPORAL_CLIENT } from '@app/temporal';
import { createApp } from '../../apps/api/src/app.factory';

/** Health tells an operator which dependency is down; here each really goes away from the API. */
describe('GET /v1/health', () => {
  let app: INestApplication;
  beforeEach(async () => {
    app = await createApp();
    await app.init();
  });
  afterEach(async () => {
    await app.close().catch(() => undefined);
  });

  it('is 200 when both Temporal and Postgres answer', async () => {
    const res = await request(app.getHttpServer()).get('/v1/health').expect(200);
    expect(res.body.checks).toEqual({ temporal: { status: 'up' }, postgres: { status: 'up' } });
  });

  it('is 503 naming Postgres when the database connection is gone', async () => {
    await app.get(DataSource).destroy();
    const res = await request(app.getHttpServer()).get('/v1/health').expect(503);
    expect(res.body).toMatchObject({
      status: 'down',
      checks: { temporal: { status: 'up' }, postgres: { status: 'down' } },
    });
  });

  it('is 503 naming Temporal when the server cannot be reached', async () => {
    await app.get<Client>(TEMPORAL_CLIENT).connection.close();
    const res = await request(app.getHttpServer()).get('/v1/health').expect(503);
    expect(res.body).toMatchObject({ checks: { temporal: { status: 'down' }, postgres: { status: 'up' } } });
    expect(res.body.checks.temporal.error).toEqual(expect.any(String));
  });
});
