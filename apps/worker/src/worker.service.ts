import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationBootstrap,
  OnModuleInit,
} from '@nestjs/common';
import type { NativeConnection, Worker } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { loadCalendarSnapshot } from '@app/calendar';
import { APP_CONFIG, type AppConfig } from '@app/config';
import type { Logger } from '@app/logging';
import { createCommissionWorker } from './commission-worker';

export const WORKER_LOGGER = Symbol('WORKER_LOGGER');

/**
 * The worker's lifecycle: created on init (so a bad bundle or connection fails start-up), run on
 * bootstrap, and on SIGTERM asked to stop polling, allowed to finish its in-flight tasks, then closed.
 */
@Injectable()
export class WorkerService implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private worker?: Worker;
  private connection?: NativeConnection;
  private running?: Promise<void>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(WORKER_LOGGER) private readonly logger: Logger,
    private readonly dataSource: DataSource,
  ) {}

  async onModuleInit(): Promise<void> {
    const { worker, connection } = await createCommissionWorker({
      temporal: this.config.temporal,
      notifications: this.config.notifications,
      timeline: {
        calendar: loadCalendarSnapshot({ overridesFile: this.config.calendar.overridesFile }),
        settings: this.config.timeline,
      },
      settings: this.config.worker,
      dataSource: this.dataSource,
      logger: this.logger,
    });
    this.worker = worker;
    this.connection = connection;
  }

  onApplicationBootstrap(): void {
    const worker = this.worker!;
    this.running = worker.run().catch((err: unknown) => {
      this.logger.fatal({ err }, 'worker stopped with an error');
      process.exitCode = 1;
      process.kill(process.pid, 'SIGTERM');
    });
    this.logger.info({ taskQueue: this.config.temporal.taskQueue }, 'worker polling');
  }

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    this.logger.info({ signal }, 'worker draining');
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running;
    await this.connection?.close();
    this.logger.info('worker stopped');
  }
}
