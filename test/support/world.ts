import type { INestApplication } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@app/config';
import { TEMPORAL_CLIENT } from '@app/temporal';
import { createApp } from '../../apps/api/src/app.factory';
import { tokenFor, type TestUser } from './people';
import { openDataSource, startWorker, testConfig, type TestWorker } from './temporal';

/** A running system for one test file: the real API, a real worker, the real server and database. */
export interface World {
  config: AppConfig;
  ds: DataSource;
  worker: Pick<TestWorker, 'stop'> & { worker?: TestWorker['worker'] };
  app: INestApplication;
  client: Client;
  as(user: TestUser): Caller;
  anonymous: ReturnType<typeof request>;
  stop(): Promise<void>;
}

export interface Caller {
  get(path: string): request.Test;
  post(path: string, body?: object, idempotencyKey?: string): request.Test;
  put(path: string, body?: object): request.Test;
}

export interface WorldOptions {
  notifications?: Partial<AppConfig['notifications']>;
  /** False when the test runs its worker in a process of its own (to kill it). */
  worker?: boolean;
}

export async function startWorld(options: WorldOptions = {}): Promise<World> {
  const base = testConfig();
  const config = { ...base, notifications: { ...base.notifications, ...options.notifications } };
  process.env.TEMPORAL_TASK_QUEUE = config.temporal.taskQueue;
  const ds = await openDataSource(config);
  const worker =
    options.worker === false
      ? { worker: undefined, stop: async () => undefined }
      : await startWorker(config, ds);
  const app = await createApp();
  await app.init();
  const http = request(app.getHttpServer());
  return {
    config,
    ds,
    worker,
    app,
    client: app.get<Client>(TEMPORAL_CLIENT),
    anonymous: http,
    as(user) {
      const auth = `Bearer ${tokenFor(user)}`;
      return {
        get: (path) => http.get(path).set('Authorization', auth),
        post: (path, body = {}, key) => {
          const req = http.post(path).set('Authorization', auth).send(body);
          return key ? req.set('Idempotency-Key', key) : req;
        },
        put: (path, body = {}) => http.put(path).set('Authorization', auth).send(body),
      };
    },
    async stop() {
      await app.close();
      await worker.stop();
      await ds.destroy();
    },
  };
}
