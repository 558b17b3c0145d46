export { PersistenceModule } from './persistence.module';

// Opening the database: connection, migrations, roles, readiness
export { dataSourceOptions } from './data-source-options';
export { migrateAsOwner, openDatabase, runMigrationsExclusively } from './open-database';
export { grantAppRole } from './app-role';
export { DatabaseReadiness } from './database.readiness';
export { durabilityRisks } from './database-durability';
export { TransactionRunner } from './transaction-runner';

// Entities
export {
  Agency,
  Application,
  applicantPhoneOf,
  ApplicationEvent,
  ApplicationMessage,
  ApplicationRating,
  Attachment,
  ATTACHMENT_ORIGINS,
  type AttachmentOrigin,
  NOT_REUSED,
  NO_STORED_COPY,
  hasStoredCopy,
  AuditEvent,
  REVIEW_DECISIONS,
  type DocumentReview,
  type DraftedResult,
  type ReviewDecision,
  CalendarOverride,
  CalendarSchedule,
  Consultation,
  COMPLAINT_ASPECTS,
  Feedback,
  FEEDBACK_ASPECTS,
  FEEDBACK_KINDS,
  FEEDBACK_RATINGS,
  type FeedbackAspect,
  type FeedbackKind,
  type FeedbackRating,
  isLateFeedback,
  IdempotencyRecord,
  isLateConsultation,
  IssuedResult,
  JobRun,
  MailSinkMessage,
  newApplication,
  newUser,
  NOTICE_CHANNELS,
  noticeChannelsOf,
  textChannelsOf,
  type NoticeChannel,
  Notification,
  OutboxMessage,
  Payment,
  phoneLookupHash,
  Procedure,
  ProcedureStep,
  RefreshToken,
  ServiceIndexScoringTable,
  User,
  WebhookAttempt,
  WebhookDelivery,
  WebhookSubscription,
  type WebhookDisabledReason,
  NationalSyncEntry,
  PartnerClient,
  TextMessage,
  type TextChannel,
  type AuditEventType,
  type IssuedResultKind,
  type JsonObject,
  type MailSinkAttachment,
  type OnlineLevel,
  type PaymentState,
  type ReportGrain,
  type SessionChannel,
  type StoredAnswerBody,
  type SupplementPolicy,
} from './entities';

// Repositories
export { AccountTokenRepository } from './repositories/account-token.repository';
export { AgencyRepository } from './repositories/agency.repository';
export { ApplicationRepository } from './repositories/application.repository';
export type { QueueFilter } from './repositories/application.repository';
export {
  ApplicationMessageRepository,
  MESSAGE_FILES_PREFIX,
  messageFilesName,
  type ThreadMessage,
} from './repositories/application-message.repository';
export { ApplicationWatchRepository } from './repositories/application-watch.repository';
export { AttachmentRepository, type AttachmentUsage } from './repositories/attachment.repository';
export { DocumentReviewRepository } from './repositories/document-review.repository';
export {
  DocumentStoreRepository,
  type StoredFilesOfApplicant,
} from './repositories/document-store.repository';
export { DraftedResultRepository } from './repositories/drafted-result.repository';
export { AuditEventRepository, type NewAuditEvent } from './repositories/audit-event.repository';
export { CalendarOverrideRepository } from './repositories/calendar-override.repository';
export { ConsultationRepository } from './repositories/consultation.repository';
export { FeedbackRepository } from './repositories/feedback.repository';
export { WebhookRepository } from './repositories/webhook.repository';
export { NationalSyncRepository } from './repositories/national-sync.repository';
export { PartnerClientRepository } from './repositories/partner-client.repository';
export { HistoryRows, type HistoryRowsOfFile } from './repositories/history-rows';
export { IdempotencyRepository, type KeyClaim } from './repositories/idempotency.repository';
export { IssuedResultRepository, resultFileName } from './repositories/issued-result.repository';
export { FeeReceiptRepository } from './repositories/fee-receipt.repository';
export { JobRunRepository } from './repositories/job-run.repository';
export { MailSinkRepository } from './repositories/mail-sink.repository';
export { NotificationRepository } from './repositories/notification.repository';
export { PhoneCodeRepository, TextMessageRepository } from './repositories/text-message.repository';
export {
  OutboxRepository,
  type UnfinishedCursor,
  type UnfinishedKind,
} from './repositories/outbox.repository';
export { PaymentRepository } from './repositories/payment.repository';
export { ProcedureRepository } from './repositories/procedure.repository';
export { ProcedureStepRepository } from './repositories/procedure-step.repository';
export { RefreshTokenRepository } from './repositories/refresh-token.repository';
export {
  RetentionRepository,
  type AbandonedDraft,
  type ClosedCursor,
  type DueApplication,
  type RetentionRule,
} from './repositories/retention.repository';
export { UserRepository } from './repositories/user.repository';

// Query helpers: bulk writes, slices, pages, prepared selects, search text, unique violations
export { bulkInsert, type BulkColumn, type BulkInsert } from './bulk-insert';
export { inSlices } from './in-slices';
export { MAX_PAGE, MAX_PAGE_SIZE, type Page, type PageRequest } from './page';
export { PreparedSelect } from './prepared-select';
export { toSearchText } from './search-text';
export { isUniqueViolation } from './unique-violation';

// Key rotation and demo data
export { resealFormAnswers, resealNationalIds, resealPersonalText } from './key-rotation/reseal';
export { seedDemoData } from './seed/demo-seeder';
export {
  DEMO_HISTORY_FULLY_ONLINE,
  DEMO_NATIONAL_ID_PREFIX,
  demoHistoryLines,
  demoHistoryNdjson,
  isCitizenEvent,
  type DemoHistoryLine,
} from './seed/demo-history';
export { DEMO_AGENCIES } from './seed/demo-agencies';
export { DEMO_PROCEDURES } from './seed/demo-procedures';
export { DEMO_PROCESSES } from './seed/demo-processes';
