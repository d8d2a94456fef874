/**
 * Reproduction (not a test; run by hand) of two API faults found by the faults-under-load suite:
 *
 * 1. POST /v1/commissions has no bound: while no worker polls the task queue it waits for ever
 *    (commands are bounded at 15 s by boundedCall; the create path's executeUpdateWithStart is not).
 * 2. SIGTERM does not stop the API while such a request is in flight: Nest's close waits for it,
 *    so a deployment's grace period runs out and the process is killed, leaving the request's
 *    Idempotency-Key claimed (status NULL) until its 30 s lease expires.
 *
 *   NODE_ENV=test npx ts-node --transpile-only -r tsconfig-paths/register test/faults/repro/open-without-worker.repro.ts
 *
 * Expected: the POST answers (e.g. 503) within the bound, and SIGTERM exits promptly.
 * Seen: "open with no worker: still waiting after 60 s", "SIGTERM: { drainMs: 10xxx, killed: true }".
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrate } from '../../../libs/persistence/src/migrate';
import { startApiProcess } from '../../support/api-process';
import { CommissionFactory } from '../../support/factories';
import { startOwnPostgres } from '../../support/own-postgres';
import { startOwnTemporal } from '../../support/own-temporal';
import { people, tokenFor } from '../../support/people';

async function main(): Promise<void> {
  const pg = await startOwnPostgres();
  const temporal = await startOwnTemporal();
  const url = pg.url('repro');
  await migrate(url);
  const logs = mkdtempSync(path.join(tmpdir(), 'repro-open-without-worker-'));
  // A task queue no worker polls: as when the worker is down.
  const env = { DATABASE_URL: url, TEMPORAL_ADDRESS: temporal.address, TEMPORAL_TASK_QUEUE: 'no-worker' };
  const api = await startApiProcess(env, path.join(logs, 'api.log'));
  try {
    const started = Date.now();
    const answer = fetch(`${api.baseUrl}/v1/commissions`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${tokenFor(people.officer)}`,
        'content-type': 'application/json',
        'idempotency-key': 'repro-1',
      },
      body: JSON.stringify(CommissionFactory.withPanel(3).build()),
    }).then(
      (r) => `${r.status} after ${Date.now() - started} ms`,
      (e: Error) => `no answer (${e.message}) after ${Date.now() - started} ms`,
    );
    const within60s = await Promise.race([
      answer,
      new Promise<string>((r) => setTimeout(() => r('still waiting after 60 s'), 60_000)),
    ]);
    console.log('open with no worker:', within60s);
    await api.restart();
    console.log('SIGTERM with that request in flight:', api.lastStop, '; the request got:', await answer);
  } finally {
    await api.stop();
    await temporal.destroy();
    await pg.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
