import { startProduct, type System } from './system';
import { summarise, type Summary } from './stats';

export interface StartupResult {
  starts: number;
  healthyAfterMs: Summary;
  samples: number[];
}

/**
 * Start-to-healthy as ./scripts/start sees it: from spawning the API and the worker (from dist/,
 * the server and database already up) to the first 200 of /v1/health. Each start is stopped before
 * the next; they use a port and task queue of their own so a running system is not disturbed.
 */
export async function measureStartup(
  system: System,
  opts: { starts: number; port: number },
  log: (line: string) => void,
): Promise<StartupResult> {
  const samples: number[] = [];
  for (let i = 1; i <= opts.starts; i++) {
    const product = await startProduct(
      { ...system.env, TEMPORAL_TASK_QUEUE: `bench-startup-${process.pid}` },
      opts.port,
      log,
    );
    samples.push(Math.round(product.healthyAfterMs));
    log(`  start ${i}/${opts.starts}: healthy after ${Math.round(product.healthyAfterMs)} ms`);
    await product.stop();
  }
  return { starts: opts.starts, healthyAfterMs: summarise(samples), samples };
}
