import type { MiddlewareConsumer, NestModule, OnModuleInit } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { APP_FILTER, HttpAdapterHost } from '@nestjs/core';
import type { Express } from 'express';

import { ApplicationsModule } from '@onegate/applications';
import { AppConfig } from '@onegate/config';
import { AuthModule } from '@onegate/auth';
import { MailTemplatesModule } from '@onegate/notifications';
import { PaymentsModule } from '@onegate/payments';
import { ReportingModule } from '@onegate/reporting';
import { WebhookAdminModule } from '@onegate/webhooks';

import { CalendarModule } from '../calendar/calendar.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { PartnersHttpModule } from '../partners/partners-http.module';
import { IdentityModule } from '../identity/identity.module';
import { NotificationsHttpModule } from '../notifications/notifications-http.module';
import { OpenDataModule } from '../open-data/open-data.module';
import { ReportsModule } from '../reports/reports.module';
import { NotificationsPageController } from './account/notifications-page.controller';
import { CalendarPageController } from './admin/calendar-page.controller';
import { ScoringPageController } from './admin/scoring-page.controller';
import { MailPageController } from './admin/mail-page.controller';
import { MailPreviewPageController } from './admin/mail-preview-page.controller';
import { ProceduresPageController } from './admin/procedures-page.controller';
import { QUEUE_CONSOLE_IMPORTS } from './admin/queue-console';
import { StaffPageController } from './admin/staff-page.controller';
import { WebhooksPageController } from './admin/webhooks-page.controller';
import { PartnerClientsPageController } from './admin/partner-clients-page.controller';
import { AccountPagesController } from './account/account-pages.controller';
import { ApplicationFormController } from './citizen/application-form.controller';
import { ApplicationFormSaving } from './citizen/application-form.saving';
import { DocumentUploadLimits } from './citizen/document-upload-limits';
import { MyApplicationActionsController } from './citizen/my-application-actions.controller';
import { MyApplicationPage } from './citizen/my-application.page';
import { WithdrawalPage } from './citizen/withdrawal.page';
import { DraftDeletionPage } from './citizen/draft-deletion.page';
import { MyApplicationsController } from './citizen/my-applications.controller';
import { DocumentStorePageController } from './citizen/document-store-page.controller';
import { MyFeedbackController } from './citizen/my-feedback.controller';
import { DocumentController } from './core/document.controller';
import { PageRendererModule } from './core/page-renderer.module';
import { PublicFormGuard } from './core/public-form.guard';
import { securityHeaders } from './core/security-headers';
import { compressedResponses, installViewEngine } from './core/view-engine';
import { WebExceptionFilter } from './core/web-exception.filter';
import { FeedbackPagesController } from './public/feedback-pages.controller';
import { HomePageController } from './public/home-page.controller';
import { LanguageController } from './public/language.controller';
import { RecoveryPagesController } from './public/recovery-pages.controller';
import { PaymentReturnPageController } from './public/payment-return-page.controller';
import { ProcedurePageController } from './public/procedure-page.controller';
import { SignInPageController } from './public/sign-in-page.controller';
import { OpenDataPageController } from './public/open-data-page.controller';
import { TrackingPageController } from './public/tracking-page.controller';
import { CounterPageController } from './staff/counter-page.controller';
import { QueuePageController } from './staff/queue-page.controller';
import { StaffApplicationController } from './staff/staff-application.controller';
import { StaffFeedbackPageController } from './staff/staff-feedback-page.controller';
import { StaffFileWorkController } from './staff/staff-file-work.controller';
import { StaffFilePage } from './staff/staff-file.page';
import { DashboardPageController } from './supervisor/dashboard-page.controller';
import { FigureFilesPageController } from './supervisor/figure-files-page.controller';

/**
 * The portal: server-rendered pages for citizens, clerks, supervisors and administrators, on the same
 * services as the API. Its error filter answers pages with pages and leaves the API's JSON alone.
 */
@Module({
  imports: [
    AuthModule,
    ApplicationsModule,
    PaymentsModule,
    ReportingModule,
    MailTemplatesModule,
    PageRendererModule,
    // The API's own services, used directly rather than over HTTP.
    CatalogueModule,
    IdentityModule,
    CalendarModule,
    NotificationsHttpModule,
    ReportsModule,
    OpenDataModule,
    WebhookAdminModule,
    PartnersHttpModule,
    ...QUEUE_CONSOLE_IMPORTS,
  ],
  controllers: [
    HomePageController,
    LanguageController,
    ProcedurePageController,
    TrackingPageController,
    OpenDataPageController,
    PaymentReturnPageController,
    SignInPageController,
    RecoveryPagesController,
    AccountPagesController,
    MyApplicationsController,
    MyApplicationActionsController,
    DocumentStorePageController,
    NotificationsPageController,
    ApplicationFormController,
    DocumentController,
    QueuePageController,
    StaffApplicationController,
    StaffFileWorkController,
    CounterPageController,
    DashboardPageController,
    FigureFilesPageController,
    MyFeedbackController,
    FeedbackPagesController,
    StaffFeedbackPageController,
    ProceduresPageController,
    StaffPageController,
    WebhooksPageController,
    PartnerClientsPageController,
    CalendarPageController,
    ScoringPageController,
    // Before the mail sink's pages: /admin/mail/preview/… is not a message.
    MailPreviewPageController,
    MailPageController,
  ],
  providers: [
    MyApplicationPage,
    StaffFilePage,
    WithdrawalPage,
    DraftDeletionPage,
    ApplicationFormSaving,
    DocumentUploadLimits,
    PublicFormGuard,
    { provide: APP_FILTER, useClass: WebExceptionFilter },
  ],
})
export class WebModule implements NestModule, OnModuleInit {
  public constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: AppConfig,
  ) {}

  public configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(securityHeaders(this.config.payments.gatewayUrl), compressedResponses())
      .forRoutes('{*path}');
  }

  public onModuleInit(): void {
    installViewEngine(this.adapterHost.httpAdapter.getInstance<Express>());
  }
}
