import { VersioningType, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import type { Server } from 'node:http';
import { Logger } from 'nestjs-pino';
import { loadConfig, loadWebConfig } from '@app/config';
import { AppModule } from './app.module';
import { answerClientErrorsWithProblems } from './http/client-errors';
import { keepIdleConnections } from './http/keep-alive';
import { jsonBodyOptions } from './input/json-body';
import { StorableInputPipe } from './input/storable-input.pipe';
import { describeDocument } from './openapi/describe-document';
import { validationPipe } from './problem/validation';
import { serveWebAssets } from './web/web-assets';

/** Builds the HTTP application exactly as production runs it; tests use this too. */
export async function createApp(): Promise<INestApplication> {
  const config = loadConfig();
  // Validated here too so a bad value stops start-up with the message, not a Nest stack trace.
  loadWebConfig(config);
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bufferLogs: true,
    bodyParser: false,
    // Throw rather than exit: main.ts reports and exits; a test sees the error.
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  const server = app.getHttpServer() as Server;
  answerClientErrorsWithProblems(server);
  keepIdleConnections(server, config.http.keepAliveTimeoutMs);
  app.disable('x-powered-by');
  // nosniff, frame and referrer policies, and a strict content security policy (Swagger UI's
  // assets are served from here, so 'self' is enough for it).
  app.use(helmet());
  app.useBodyParser('json', jsonBodyOptions(config.http.bodyLimit));
  // The JSON API is version 1 at /v1; the web pages are version-neutral and live at /.
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  serveWebAssets(app);
  app.useGlobalPipes(new StorableInputPipe(), validationPipe());
  app.enableShutdownHooks();
  const document = describeDocument(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder().setTitle('Commissioning public studies').setVersion('1').addBearerAuth().build(),
    ),
  );
  SwaggerModule.setup('v1/docs', app, document, { jsonDocumentUrl: 'v1/openapi.json' });
  return app;
}
