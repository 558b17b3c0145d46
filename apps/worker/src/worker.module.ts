import { DynamicModule, Module, Type } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DataSource } from 'typeorm';

import { AppConfig, ConfigModule } from '@onegate/config';
import { DocumentsModule } from '@onegate/documents';
import {
  JOB_SCHEDULES,
  JobHandlerRegistry,
  JobMetrics,
  JobScheduleKeeper,
  JobsModule,
  OutboxReconciler,
  OutboxRelay,
  QueueWorkers,
  RedisReadiness,
} from '@onegate/jobs';
import { NationalSyncModule } from '@onegate/national-sync';
import { NotificationsModule, TEXT_MESSAGE_SCHEDULES } from '@onegate/notifications';
import { OperationsModule } from '@onegate/observability';
import { PaymentsModule } from '@onegate/payments';
import { DatabaseReadiness, PersistenceModule } from '@onegate/persistence';
import { PlatformModule } from '@onegate/platform';
import { WebhooksModule } from '@onegate/webhooks';

import { DEADLINE_SCHEDULES } from './deadlines/deadline-schedules';
import { DeadlinesModule } from './deadlines/deadlines.module';
import { IntakeModule } from './intake/intake.module';
import { IssuanceModule } from './issuance/issuance.module';
import { NATIONAL_SYNC_SCHEDULES } from './national-sync/national-sync-schedules';
import { PAYMENT_SCHEDULES } from './payments/payment-schedules';
import { RollupLayoutModule } from './reports/rollup-layout-check';
import { RETENTION_SCHEDULES } from './retention/retention-schedule';
import { RetentionModule } from './retention/retention.module';
import { SystemModule } from './system/system.module';

/**
 * The modules whose services handle the jobs (methods marked @OnJob); start-up fails if a registered
 * job name has no handler among them, or two.
 */
export const JOB_MODULES: Type[] = [
  SystemModule,
  IntakeModule,
  IssuanceModule,
  NotificationsModule,
  DeadlinesModule,
  DocumentsModule,
  RetentionModule,
  PaymentsModule,
  WebhooksModule,
  NationalSyncModule,
];

@Module({})
export class WorkerModule {
  public static forRoot(
    config: AppConfig,
    dataSource: DataSource,
    jobModules: Type[] = JOB_MODULES,
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
        RollupLayoutModule,
        ...jobModules,
      ],
      providers: [
        JobHandlerRegistry,
        JobMetrics,
        OutboxRelay,
        OutboxReconciler,
        {
          provide: JOB_SCHEDULES,
          useValue: [
            ...DEADLINE_SCHEDULES,
            ...RETENTION_SCHEDULES,
            ...PAYMENT_SCHEDULES,
            ...NATIONAL_SYNC_SCHEDULES,
            ...TEXT_MESSAGE_SCHEDULES,
          ],
        },
        JobScheduleKeeper,
        QueueWorkers,
      ],
    };
  }
}
