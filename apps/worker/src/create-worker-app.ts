import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import type { DataSource } from 'typeorm';

import type { AppConfig } from '@onegate/config';

import { JOB_HANDLERS, WorkerModule } from './worker.module';

/**
 * The worker runs the queue processors and serves only /health and /metrics. Initialising it
 * checks that every registered job has a handler, and throws if not.
 */
export async function createWorkerApp(
  config: AppConfig,
  dataSource: DataSource,
  handlers: Type[] = JOB_HANDLERS,
): Promise<INestApplication> {
  const app = await NestFactory.create(WorkerModule.forRoot(config, dataSource, handlers), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  return app;
}
