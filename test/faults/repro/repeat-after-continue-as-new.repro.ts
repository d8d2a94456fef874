/**
 * Reproduction (not a test; run by hand) of a refused repeat seen under faults: a command sent
 * again with the same Idempotency-Key after its first try took effect but got no stored answer
 * (the interceptor frees the key when the first try fails, e.g. a 500 from a bounded call while
 * the worker or the server restarts) is answered 409 instead of the first result once the
 * workflow has continued as new: Temporal deduplicates update ids only within one run.
 *
 *   NODE_ENV=test npx ts-node --transpile-only -r tsconfig-paths/register test/faults/repro/repeat-after-continue-as-new.repro.ts
 *
 * Seen: "repeat in the same run: 200", then "repeat after continue-as-new: 409 … not allowed in stage panel-review".
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode } from '@temporalio/worker';
import { Client as Pg } from 'pg';
import { commissionWorkflowId } from '@app/contracts';
import { workflowBundleOptions } from '../../../apps/worker/src/workflow-bundle';
import { migrate } from '../../../libs/persistence/src/migrate';
import { startApiProcess } from '../../support/api-process';
import { eventually } from '../../support/eventually';
import { CommissionFactory } from '../../support/factories';
import { startOwnPostgres } from '../../support/own-postgres';
import { startOwnTemporal } from '../../support/own-temporal';
import { PatientClient } from '../../support/patient-client';
import { people } from '../../support/people';
import { testConfig } from '../../support/temporal';
import { spawnWorker } from '../../support/worker-process';

async function main(): Promise<void> {
  const pg = await startOwnPostgres();
  const temporal = await startOwnTemporal([
    '--dynamic-config-value',
    'limit.historyCount.suggestContinueAsNew=120',
  ]);
  const url = pg.url('repro');
  await migrate(url);
  const logs = mkdtempSync(path.join(tmpdir(), 'repro-repeat-'));
  const { code } = await bundleWorkflowCode(workflowBundleOptions());
  process.env.TEST_WORKFLOW_BUNDLE = path.join(logs, 'workflows.js');
  writeFileSync(process.env.TEST_WORKFLOW_BUNDLE, code);
  const base = testConfig();
  const config = { ...base, databaseUrl: url, temporal: { ...base.temporal, address: temporal.address } };
  const worker = await spawnWorker(config);
  const api = await startApiProcess(
    { DATABASE_URL: url, TEMPORAL_ADDRESS: temporal.address, TEMPORAL_TASK_QUEUE: config.temporal.taskQueue },
    path.join(logs, 'api.log'),
  );
  const db = new Pg({ connectionString: url });
  await db.connect();
  const connection = await Connection.connect({ address: temporal.address });
  const temporalClient = new Client({ connection });
  const http = new PatientClient(api.baseUrl);
  try {
    const body = CommissionFactory.withPanel(3)
      .with({ reminderPolicy: { before: ['PT1S'], overdueEvery: 'PT1S' } })
      .build();
    const { body: opened } = await http.send(people.officer, 'POST', '/v1/commissions', body, 'open-1');
    const id: string = opened.id;
    await http.send(people.officer, 'PUT', `/v1/commissions/${id}/specification`, { content: '# v1' });
    const submit = { respondBy: new Date(Date.now() + 2000).toISOString() };
    const first = await http.send(
      people.officer,
      'POST',
      `/v1/commissions/${id}/specification/submit`,
      submit,
      'submit-1',
    );
    console.log('first try:', first.status, first.body.stage);
    // What the interceptor leaves when the first try fails after the workflow applied it.
    const forget = () => db.query(`DELETE FROM idempotency_keys WHERE key = 'submit-1'`);
    await forget();
    const again = await http.send(
      people.officer,
      'POST',
      `/v1/commissions/${id}/specification/submit`,
      submit,
      'submit-1',
    );
    console.log('repeat in the same run:', again.status, again.body.stage ?? again.body.detail);
    const handle = temporalClient.workflow.getHandle(commissionWorkflowId(id));
    const firstRun = (await handle.describe()).runId;
    // Escalations every second grow the history until the server suggests continue-as-new.
    await eventually(
      () => handle.describe().then((d) => d.runId),
      (run) => run !== firstRun,
      90_000,
      'continue-as-new',
    );
    await forget();
    const later = await http.send(
      people.officer,
      'POST',
      `/v1/commissions/${id}/specification/submit`,
      submit,
      'submit-1',
    );
    console.log(
      'repeat after continue-as-new:',
      later.status,
      later.body.stage ?? '',
      later.body.detail ?? '',
    );
  } finally {
    await connection.close();
    await db.end();
    await api.stop();
    await worker.stop();
    await temporal.destroy();
    await pg.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
