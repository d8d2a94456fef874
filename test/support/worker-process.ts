import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { AppConfig } from '@app/config';

export interface WorkerProcess {
  proc: ChildProcess;
  /** SIGKILL: no drain, no goodbye — as when a machine dies. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '../..');

/** The real worker entry point (apps/worker/src/main.ts) in a process of its own, so a test can kill it. */
export async function spawnWorker(config: AppConfig): Promise<WorkerProcess> {
  const proc = spawn(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      // As ./scripts/start runs it: the preload reaches the SDK's workflow threads too.
      '-r',
      './apps/worker/src/workflow-threads.ts',
      'apps/worker/src/main.ts',
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        LOG_LEVEL: 'info',
        DATABASE_URL: config.databaseUrl,
        TEMPORAL_ADDRESS: config.temporal.address,
        TEMPORAL_TASK_QUEUE: config.temporal.taskQueue,
        WEBHOOK_URL: config.notifications.webhookUrl ?? '',
        WEBHOOK_SECRET: config.notifications.webhookSecret ?? '',
        SMTP_URL: config.notifications.smtpUrl ?? '',
        WORKFLOW_BUNDLE_PATH: process.env.TEST_WORKFLOW_BUNDLE,
      },
    },
  );
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start within 30 s:\n${output}`)), 30_000);
    const watch = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('"msg":"worker polling"')) {
        clearTimeout(timer);
        resolve();
      }
    };
    proc.stdout!.on('data', watch);
    proc.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited with ${code} during start-up:\n${output}`));
    });
  });
  proc.stdout!.resume();
  return {
    proc,
    async kill() {
      proc.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      await exited;
    },
  };
}
