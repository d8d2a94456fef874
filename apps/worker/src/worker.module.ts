import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, ConfigModule, type AppConfig } from '@app/config';
import { createLogger } from '@app/logging';
import { dataSourceOptions } from '@app/persistence';
import { WORKER_LOGGER, WorkerService } from './worker.service';

@Module({
  imports: [
    ConfigModule,
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => dataSourceOptions(config.databaseUrl),
    }),
  ],
  providers: [
    {
      provide: WORKER_LOGGER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createLogger('worker', config.logLevel),
    },
    WorkerService,
  ],
})
export class WorkerModule {}
