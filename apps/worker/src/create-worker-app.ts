import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import type { DataSource } from 'typeorm';

import type { AppConfig } from '@onegate/config';

import { JOB_MODULES, WorkerModule } from './worker.module';

/**
 * The worker runs one BullMQ worker per queue and serves only /health and /metrics. Initialising it
 * checks that every registered job has exactly one handler among the job modules, and throws if not.
 */
export async function createWorkerApp(
  config: AppConfig,
  dataSource: DataSource,
  jobModules: Type[] = JOB_MODULES,
): Promise<INestApplication> {
  const app = await NestFactory.create(WorkerModule.forRoot(config, dataSource, jobModules), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  return app;
}
