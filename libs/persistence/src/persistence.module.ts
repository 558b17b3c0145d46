import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AccountTokenRepository } from './repositories/account-token.repository';
import { AgencyRepository } from './repositories/agency.repository';
import { ApplicationRepository } from './repositories/application.repository';
import { ApplicationMessageRepository } from './repositories/application-message.repository';
import { AttachmentRepository } from './repositories/attachment.repository';
import { DocumentReviewRepository } from './repositories/document-review.repository';
import { DocumentStoreRepository } from './repositories/document-store.repository';
import { DraftedResultRepository } from './repositories/drafted-result.repository';
import { ConsultationRepository } from './repositories/consultation.repository';
import { FeedbackRepository } from './repositories/feedback.repository';
import { IdempotencyRepository } from './repositories/idempotency.repository';
import { IssuedResultRepository } from './repositories/issued-result.repository';
import { FeeReceiptRepository } from './repositories/fee-receipt.repository';
import { OutboxRepository } from './repositories/outbox.repository';
import { PaymentRepository } from './repositories/payment.repository';
import { AuditEventRepository } from './repositories/audit-event.repository';
import { CalendarOverrideRepository } from './repositories/calendar-override.repository';
import { JobRunRepository } from './repositories/job-run.repository';
import { ApplicationWatchRepository } from './repositories/application-watch.repository';
import { MailSinkRepository } from './repositories/mail-sink.repository';
import { NotificationRepository } from './repositories/notification.repository';
import { ProcedureRepository } from './repositories/procedure.repository';
import { ProcedureStepRepository } from './repositories/procedure-step.repository';
import { RefreshTokenRepository } from './repositories/refresh-token.repository';
import { RetentionRepository } from './repositories/retention.repository';
import { UserRepository } from './repositories/user.repository';
import { WebhookRepository } from './repositories/webhook.repository';
import { NationalSyncRepository } from './repositories/national-sync.repository';
import { PartnerClientRepository } from './repositories/partner-client.repository';
import { PhoneCodeRepository, TextMessageRepository } from './repositories/text-message.repository';
import { TransactionRunner } from './transaction-runner';
import { DatabaseDurabilityCheck } from './database-durability';
import { HistoryRows } from './repositories/history-rows';

const REPOSITORIES = [
  NotificationRepository,
  MailSinkRepository,
  ApplicationWatchRepository,
  OutboxRepository,
  IdempotencyRepository,
  IssuedResultRepository,
  FeeReceiptRepository,
  ApplicationRepository,
  ApplicationMessageRepository,
  AttachmentRepository,
  DocumentReviewRepository,
  DocumentStoreRepository,
  DraftedResultRepository,
  ConsultationRepository,
  FeedbackRepository,
  TransactionRunner,
  AgencyRepository,
  ProcedureRepository,
  ProcedureStepRepository,
  JobRunRepository,
  UserRepository,
  AccountTokenRepository,
  RefreshTokenRepository,
  AuditEventRepository,
  CalendarOverrideRepository,
  RetentionRepository,
  HistoryRows,
  PaymentRepository,
  WebhookRepository,
  NationalSyncRepository,
  PartnerClientRepository,
  TextMessageRepository,
  PhoneCodeRepository,
];

/** Hands an already opened and migrated DataSource to Nest, with the repositories built on it. */
@Module({})
export class PersistenceModule {
  public static forDataSource(dataSource: DataSource): DynamicModule {
    return {
      module: PersistenceModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSource.options,
          dataSourceFactory: async () => dataSource,
        }),
      ],
      providers: [...REPOSITORIES, DatabaseDurabilityCheck],
      exports: REPOSITORIES,
    };
  }
}
