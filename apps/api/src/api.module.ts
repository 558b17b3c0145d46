import { DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { AppConfig, ConfigModule } from '@onegate/config';
import { JobsModule, RedisReadiness } from '@onegate/jobs';
import { OperationsModule } from '@onegate/observability';
import { DatabaseReadiness, PersistenceModule } from '@onegate/persistence';
import { PlatformModule } from '@onegate/platform';

import { CalendarModule } from './calendar/calendar.module';
import { ApplicationsHttpModule } from './applications/applications-http.module';
import { PaymentsHttpModule } from './payments/payments-http.module';
import { CatalogueModule } from './catalogue/catalogue.module';
import { FeedbackHttpModule } from './feedback/feedback-http.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { IdentityModule } from './identity/identity.module';
import { ImportsModule } from './imports/imports.module';
import { NotificationsHttpModule } from './notifications/notifications-http.module';
import { OpenDataModule } from './open-data/open-data.module';
import { ReportsModule } from './reports/reports.module';
import { SystemModule } from './system/system.module';
import { VerificationModule } from './verification/verification.module';
import { WebModule } from './web/web.module';
import { NationalSyncHttpModule } from './national-sync/national-sync-http.module';
import { WebhooksHttpModule } from './webhooks/webhooks-http.module';
import { PartnersHttpModule } from './partners/partners-http.module';

@Module({})
export class ApiModule {
  public static forRoot(config: AppConfig, dataSource: DataSource): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        OperationsModule.forRoot({
          processName: 'api',
          readinessChecks: [DatabaseReadiness, RedisReadiness],
        }),
        PersistenceModule.forDataSource(dataSource),
        PlatformModule,
        JobsModule.forRoot(),
        IdempotencyModule,
        IdentityModule,
        CatalogueModule,
        ApplicationsHttpModule,
        FeedbackHttpModule,
        PaymentsHttpModule,
        CalendarModule,
        NotificationsHttpModule,
        ReportsModule,
        OpenDataModule,
        ImportsModule,
        SystemModule,
        VerificationModule,
        WebhooksHttpModule,
        NationalSyncHttpModule,
        PartnersHttpModule,
        WebModule,
      ],
    };
  }
}
