import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '@app/config';
import { createLogger } from '@app/logging';
import { tuneHeap } from './heap';
import { installRuntime } from './runtime';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger('worker', config.logLevel);
  installRuntime(logger, config.workerMetricsAddress, []);
  logger.info({ v8Flags: tuneHeap(config.worker) }, 'heap sizing set');
  // Set by workflow-threads.ts when the process was started with it preloaded (not imported here,
  // which would run it in this thread only).
  const threads = (globalThis as Record<symbol, { stackTraces: boolean } | undefined>)[
    Symbol.for('commissioning.workflow-thread-options')
  ];
  if (!threads) {
    logger.warn(
      'started without --require dist/apps/worker/src/workflow-threads.js: workflow threads capture a stack per promise (slower)',
    );
  } else {
    logger.info(
      { stackTraces: threads.stackTraces },
      threads.stackTraces
        ? 'workflow threads keep a stack per promise for the stack-trace query (WORKFLOW_STACK_TRACES=on)'
        : 'workflow threads keep no stack per promise (so the SDK warns that createHook is not available); ' +
            'WORKFLOW_STACK_TRACES=on keeps them for the stack-trace query',
    );
  }
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error', 'warn'] });
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else createLogger('worker').fatal({ err }, 'worker failed to start');
  process.exit(1);
});
