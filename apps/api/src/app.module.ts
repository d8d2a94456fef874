import { randomUUID } from 'node:crypto';
import { Module, RequestMethod, VERSION_NEUTRAL } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, ConfigModule, type AppConfig } from '@app/config';
import { dataSourceOptions } from '@app/persistence';
import { TemporalModule } from '@app/temporal';
import { AuthGuard } from './auth/auth.guard';
import { CalendarModule } from './calendar/calendar.module';
import { CommissionsModule } from './commissions/commissions.module';
import { ProgrammesModule } from './programmes/programmes.module';
import { HealthController } from './health/health.controller';
import { rateLimitOptions } from './http/rate-limit';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { ProblemFilter } from './problem/problem.filter';
import { TasksModule } from './tasks/tasks.module';
import { WebModule } from './web/web.module';
import { HttpDrain } from './http/http-drain';

const REQUEST_ID = /^[A-Za-z0-9_.:-]{1,100}$/;

@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // Named wildcard: path-to-regexp 8 no longer reads a bare `*`. Version-neutral, so the
        // web pages at / are logged as well as the API at /v1.
        forRoutes: [{ path: '{*path}', method: RequestMethod.ALL, version: VERSION_NEUTRAL }],
        // What a request did (onRequestLine) goes on its one completion line.
        assignResponse: true,
        pinoHttp: {
          name: 'api',
          level: config.logLevel,
          redact: ['req.headers.authorization'],
          // A caller's request id is kept so one id follows a request across services.
          genReqId: (req: IncomingMessage, res: ServerResponse) => {
            const given = req.headers['x-request-id'];
            const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
            res.setHeader('X-Request-Id', id);
            return id;
          },
          // Every line of a request carries its id at the top level (as the worker's carry
          // workflowId) from one child logger; the request itself goes on the completion line
          // only. A child per request costs (pino rebuilds its level methods), so there is one.
          quietReqLogger: true,
          quietResLogger: true,
          customAttributeKeys: { reqId: 'requestId' },
          customSuccessObject: (req: IncomingMessage, _res: ServerResponse, line: object) => ({
            req,
            ...line,
          }),
          customErrorObject: (req: IncomingMessage, _res: ServerResponse, _err: Error, line: object) => ({
            req,
            ...line,
          }),
          // The serializers below pick three fields from the request and one from the response; the
          // wrapping would first copy every header and the socket's address into a plain object.
          wrapSerializers: false,
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({
              id: req.id,
              method: req.method,
              url: req.url,
            }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
        },
      }),
    }),
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => dataSourceOptions(config.databaseUrl),
    }),
    ThrottlerModule.forRootAsync({ inject: [APP_CONFIG], useFactory: rateLimitOptions }),
    TemporalModule,
    CommissionsModule,
    ProgrammesModule,
    CalendarModule,
    TasksModule,
    WebModule,
  ],
  controllers: [HealthController],
  providers: [
    // In this order: the rate limit counts per verified caller.
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: ThrottlerGuard },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
    { provide: APP_FILTER, useClass: ProblemFilter },
    HttpDrain,
  ],
})
export class AppModule {}
