import { DynamicModule, MiddlewareConsumer, Module, NestModule, Type } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { Registry } from 'prom-client';

import { AllExceptionsFilter } from './all-exceptions.filter';
import { HealthController } from './health.controller';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { LoggerModule } from './logger.module';
import { MetricsController } from './metrics.controller';
import { createMetricsRegistry } from './metrics.registry';
import { READINESS_CHECKS, ReadinessCheck } from './readiness-check';

export interface OperationsOptions {
  processName: 'api' | 'worker';
  readinessChecks: Type<ReadinessCheck>[];
}

/** Logs, the error filter, /health/live, /health/ready and /metrics: the same in every process. */
@Module({})
export class OperationsModule implements NestModule {
  public static forRoot(options: OperationsOptions): DynamicModule {
    return {
      module: OperationsModule,
      global: true,
      imports: [LoggerModule.forRoot(), TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: Registry, useValue: createMetricsRegistry(options.processName) },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        ...options.readinessChecks,
        {
          provide: READINESS_CHECKS,
          inject: options.readinessChecks,
          useFactory: (...checks: ReadinessCheck[]) => checks,
        },
      ],
      exports: [Registry],
    };
  }

  public configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*path');
  }
}
