import { AccountToken } from './account-token.entity';
import { Agency } from './agency.entity';
import { Application } from './application.entity';
import { ApplicationEvent } from './application-event.entity';
import { ApplicationMessage } from './application-message.entity';
import { ApplicationRating } from './application-rating.entity';
import { Consultation } from './consultation.entity';
import { Feedback } from './feedback.entity';
import { ReportHistogram } from './report-histogram.entity';
import { ReportLayout } from './report-layout.entity';
import { ReportRollup } from './report-rollup.entity';
import { ReportStepRollup } from './report-step-rollup.entity';
import { ReportFileEntry } from './report-file-entry.entity';
import { ReportStepEntry } from './report-step-entry.entity';
import { Attachment } from './attachment.entity';
import { DocumentReview } from './document-review.entity';
import { DraftedResult } from './drafted-result.entity';
import { ReceiptSequence } from './receipt-sequence.entity';
import { FeeReceipt, FeeReceiptSequence } from './fee-receipt.entity';
import { AuditEvent } from './audit-event.entity';
import { CalendarOverride } from './calendar-override.entity';
import { CalendarSchedule } from './calendar-schedule.entity';
import { IdempotencyRecord } from './idempotency-record.entity';
import { IssuedResult } from './issued-result.entity';
import { ResultDownload } from './result-download.entity';
import { ResultNumber } from './result-number.entity';
import { JobRun } from './job-run.entity';
import { MailSinkMessage } from './mail-sink-message.entity';
import { Notification } from './notification.entity';
import { OutboxMessage } from './outbox-message.entity';
import { Payment } from './payment.entity';
import { Procedure } from './procedure.entity';
import { ProcedureStep } from './procedure-step.entity';
import { RefreshToken } from './refresh-token.entity';
import { ServiceIndexScoringTable } from './service-index-scoring-table.entity';
import { User } from './user.entity';
import { NationalSyncEntry } from './national-sync-entry.entity';
import { WebhookAttempt, WebhookDelivery, WebhookSubscription } from './webhook.entity';
import { PartnerClient } from './partner-client.entity';
import { PhoneVerificationCode, TextMessage } from './text-message.entity';

export * from './account-token.entity';
export * from './webhook.entity';
export * from './national-sync-entry.entity';
export * from './partner-client.entity';
export * from './text-message.entity';
export * from './agency.entity';
export * from './application.entity';
export * from './application-event.entity';
export * from './application-message.entity';
export * from './application-rating.entity';
export * from './consultation.entity';
export * from './feedback.entity';
export * from './report-histogram.entity';
export * from './report-rollup.entity';
export * from './report-step-rollup.entity';
export * from './report-file-entry.entity';
export * from './attachment.entity';
export * from './document-review.entity';
export * from './drafted-result.entity';
export * from './receipt-sequence.entity';
export * from './fee-receipt.entity';
export * from './audit-event.entity';
export * from './calendar-override.entity';
export * from './calendar-schedule.entity';
export * from './idempotency-record.entity';
export * from './issued-result.entity';
export * from './result-number.entity';
export * from './result-download.entity';
export * from './job-run.entity';
export * from './mail-sink-message.entity';
export * from './notification.entity';
export * from './outbox-message.entity';
export * from './payment.entity';
export * from './procedure.entity';
export * from './procedure-step.entity';
export * from './refresh-token.entity';
export * from './timestamp.column';
export * from './national-id.column';
export * from './sealed-text.column';
export * from './service-index-scoring-table.entity';
export * from './user.entity';

export const ENTITIES = [
  ServiceIndexScoringTable,
  Notification,
  MailSinkMessage,
  OutboxMessage,
  IdempotencyRecord,
  IssuedResult,
  ResultDownload,
  ResultNumber,
  Application,
  ApplicationEvent,
  ApplicationMessage,
  ApplicationRating,
  Consultation,
  Feedback,
  ReportRollup,
  ReportLayout,
  ReportHistogram,
  ReportStepRollup,
  ReportFileEntry,
  ReportStepEntry,
  Attachment,
  DocumentReview,
  DraftedResult,
  ReceiptSequence,
  FeeReceipt,
  FeeReceiptSequence,
  Agency,
  Procedure,
  ProcedureStep,
  User,
  JobRun,
  RefreshToken,
  AuditEvent,
  CalendarOverride,
  CalendarSchedule,
  AccountToken,
  Payment,
  WebhookSubscription,
  WebhookDelivery,
  WebhookAttempt,
  NationalSyncEntry,
  PartnerClient,
  TextMessage,
  PhoneVerificationCode,
];
