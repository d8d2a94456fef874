import { Runtime } from '@temporalio/worker';
import type { Logger } from '@app/logging';
import { temporalLogger } from './temporal-logger';

/**
 * Installs the SDK's runtime for a worker process: its logs into pino, and, with
 * WORKER_METRICS_ADDRESS, the SDK's own metrics (task latencies, slots, polls) served for
 * Prometheus there. Durations in seconds, as Prometheus expects. `npm run bench` reads them from
 * both workers to show where a task's time goes.
 */
export function installRuntime(
  logger: Logger,
  metricsAddress: string | undefined,
  shutdownSignals: NodeJS.Signals[],
): void {
  Runtime.install({
    logger: temporalLogger(logger),
    shutdownSignals,
    ...(metricsAddress
      ? {
          telemetryOptions: {
            metrics: { prometheus: { bindAddress: metricsAddress, useSecondsForDurations: true } },
          },
        }
      : {}),
  });
  if (metricsAddress) logger.info({ metrics: `http://${metricsAddress}/metrics` }, 'serving SDK metrics');
}
