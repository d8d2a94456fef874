import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { createLogger } from '@app/logging';
import { PREBUILT_BUNDLE, projectRoot, workflowBundleOptions } from './workflow-bundle';

/** Part of the production build: the worker then starts without running webpack. */
async function main(): Promise<void> {
  const log = createLogger('build-bundle');
  const root = projectRoot();
  const { code } = await bundleWorkflowCode(workflowBundleOptions(root));
  const out = path.join(root, PREBUILT_BUNDLE);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, code);
  log.info({ out, bytes: code.length }, 'workflow bundle written');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
