import type { INestApplication } from '@nestjs/common';
import { ModulesContainer, NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { DataSource } from 'typeorm';

import { assertEveryRouteDeclaresAccess, listRoutes } from '@onegate/access';
import type { AppConfig } from '@onegate/config';
import { assertEveryQueryIsDeclared, createValidationPipe } from '@onegate/platform';

import { ApiModule } from './api.module';
import { applyBodyLimits, applyCors } from './http-boundary';
import { closeWithGrace } from './http-shutdown';
import { buildOpenApiDocument } from './openapi/openapi-document';
import { applyHttpTimeouts } from './http-timeouts';
import { removeStaleUploads } from './uploads/upload-folders';

/** Builds the HTTP application on an opened, migrated database; the caller decides where it listens. */
export async function createApiApp(config: AppConfig, dataSource: DataSource): Promise<INestApplication> {
  await removeStaleUploads(config.httpTimeouts.requestMs);
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config, dataSource), {
    bufferLogs: true,
    abortOnError: false,
    // Bodies are read by applyBodyLimits, after the caller is known; Nest's own parsers would read them first.
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  assertEveryRouteDeclaresAccess(app.get(ModulesContainer));
  assertEveryQueryIsDeclared(listRoutes(app.get(ModulesContainer)));
  applyCors(app, config);
  applyBodyLimits(app, config);
  applyHttpTimeouts(app.getHttpServer(), config.httpTimeouts);
  app.getHttpAdapter().close = () => closeWithGrace(app.getHttpServer(), config.httpTimeouts.shutdownGraceMs);
  app.use(cookieParser());
  app.useGlobalPipes(createValidationPipe());
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app));
  return app;
}
