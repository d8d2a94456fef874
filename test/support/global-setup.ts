import 'tsconfig-paths/register';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { bundleWorkflowCode } from '@temporalio/worker';
import { migrate } from '../../libs/persistence/src/migrate';
import { workflowBundleOptions } from '../../apps/worker/src/workflow-bundle';

/**
 * Once per run: a fresh test database at the current schema (by the real migrations), and one
 * workflow bundle from the current source that every test worker loads.
 */
export default async function globalSetup(): Promise<void> {
  // No default: a bare `npx jest` in a second checkout would otherwise reset another run's database.
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is not set: run the tests with ./scripts/test');
  const name = new URL(databaseUrl).pathname.slice(1);
  if (!name.endsWith('_test')) throw new Error(`refusing to reset a database not named *_test: ${name}`);
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.end();
  await migrate(databaseUrl);

  const { code } = await bundleWorkflowCode({ ...workflowBundleOptions(), logger: quietLogger });
  const bundlePath = path.join(tmpdir(), `commissioning-workflows-${process.pid}.js`);
  writeFileSync(bundlePath, code);
  process.env.TEST_WORKFLOW_BUNDLE = bundlePath;
  process.env.DATABASE_URL = databaseUrl;
}

const noop = () => undefined;
const quietLogger = { log: noop, trace: noop, debug: noop, info: noop, warn: noop, error: noop };
