import { writeFileSync } from 'node:fs';
import request from 'supertest';
import { createApp } from '../apps/api/src/app.factory';
void (async () => {
  const app = await createApp();
  await app.init();
  const res = await request(app.getHttpServer()).get('/v1/openapi.json');
  writeFileSync('/tmp/mail-openapi.json', JSON.stringify(res.body, null, 2));
  await app.close();
  process.exit(0);
})();
