import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { workflowBundleOptions } from '../../apps/worker/src/workflow-bundle';

const heap = path.join(__dirname, '..', '..', 'apps', 'worker', 'src', 'heap.ts');

/**
 * Runs tuneHeap in a fresh process (V8 flags are process-wide), then starts a thread as the SDK
 * starts its workflow thread, and reports the thread's young generation and the flags set.
 */
function afterTuning(settings: { heapGrowingPercent: number; workflowSemiSpaceMb: number }) {
  const script = `
    const { tuneHeap } = require(${JSON.stringify(heap)});
    const flags = tuneHeap(${JSON.stringify(settings)});
    const { Worker } = require('node:worker_threads');
    const thread = new Worker(\`
      const v8 = require('node:v8');
      const keep = [];
      for (let i = 0; i < 400000; i++) keep.push({ i });
      const young = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
      require('node:worker_threads').parentPort.postMessage(young.space_size / 1048576);
    \`, { eval: true });
    thread.on('message', (youngMb) => { console.log(JSON.stringify({ flags, youngMb })); thread.terminate(); });
  `;
  const run = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as { flags: string[]; youngMb: number };
}

describe('worker memory', () => {
  it('sizes the workflow thread young generation and the heap growth from the settings', () => {
    const tuned = afterTuning({ heapGrowingPercent: 30, workflowSemiSpaceMb: 4 });
    expect(tuned.flags).toEqual(['--heap-growing-percent=30', '--max-semi-space-size=4']);
    expect(tuned.youngMb).toBeLessThanOrEqual(8);
  });

  it('leaves V8 its own sizing when the settings are 0', () => {
    const untouched = afterTuning({ heapGrowingPercent: 0, workflowSemiSpaceMb: 0 });
    expect(untouched.flags).toEqual([]);
    expect(untouched.youngMb).toBeGreaterThan(8);
  });

  it('shares the workflow modules between cached workflows, as well as the contracts', () => {
    expect(workflowBundleOptions().preloadModules).toEqual([
      '@app/contracts',
      path.join(__dirname, '..', '..', 'workflows', 'index.ts'),
    ]);
  });
});
