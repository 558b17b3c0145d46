import { DynamicModule, Module, Type } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DataSource } from 'typeorm';

import { ApplicationsModule } from '@onegate/applications';
import { AppConfig, ConfigModule } from '@onegate/config';
import { DocumentsModule, SigningModule } from '@onegate/documents';
import {
  JOB_SCHEDULES,
  JobHandlerRegistry,
  JobMetrics,
  JobScheduleKeeper,
  JobsModule,
  OutboxReconciler,
  OutboxRelay,
  RedisReadiness,
} from '@onegate/jobs';
import { NotificationsModule } from '@onegate/notifications';
import { OperationsModule } from '@onegate/observability';
import { DatabaseReadiness, PersistenceModule } from '@onegate/persistence';
import { PlatformModule } from '@onegate/platform';

import { DeadlinesHandler } from './deadlines.handler';
import { DEADLINE_SCHEDULES } from './deadlines/deadline-schedules';
import { DeadlinesModule } from './deadlines/deadlines.module';
import { FormsHandler } from './forms.handler';
import { IntakeHandler } from './intake.handler';
import { IssuanceHandler } from './issuance.handler';
import { NotificationsHandler } from './notifications.handler';
import { PingHandler } from './ping.handler';
import { QUEUE_PROCESSORS } from './queue-processors';
import { RetentionHandler } from './retention.handler';
import { RETENTION_SCHEDULES } from './retention/retention-schedule';
import { RetentionModule } from './retention/retention.module';

/** Every job handler of the worker; start-up fails if a registered job name has none. */
export const JOB_HANDLERS: Type[] = [
  PingHandler,
  IntakeHandler,
  IssuanceHandler,
  NotificationsHandler,
  DeadlinesHandler,
  FormsHandler,
  RetentionHandler,
];

@Module({})
export class WorkerModule {
  public static forRoot(
    config: AppConfig,
    dataSource: DataSource,
    handlers: Type[] = JOB_HANDLERS,
  ): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        OperationsModule.forRoot({
          processName: 'worker',
          readinessChecks: [DatabaseReadiness, RedisReadiness],
        }),
        PersistenceModule.forDataSource(dataSource),
        PlatformModule,
        JobsModule.forRoot(),
        DiscoveryModule,
        ApplicationsModule,
        NotificationsModule,
        DeadlinesModule,
        RetentionModule,
        DocumentsModule,
        SigningModule,
      ],
      providers: [
        JobHandlerRegistry,
        JobMetrics,
        OutboxRelay,
        OutboxReconciler,
        { provide: JOB_SCHEDULES, useValue: [...DEADLINE_SCHEDULES, ...RETENTION_SCHEDULES] },
        JobScheduleKeeper,
        ...handlers,
        ...QUEUE_PROCESSORS,
      ],
    };
  }
}
