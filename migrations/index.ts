import { CreateAgencies1764100000000 } from './1764100000000-create-agencies';
import { CreateProcedures1764100001000 } from './1764100001000-create-procedures';
import { CreateUsers1764100002000 } from './1764100002000-create-users';
import { CreateJobRuns1764100003000 } from './1764100003000-create-job-runs';
import { CreateRefreshTokens1764100004000 } from './1764100004000-create-refresh-tokens';
import { CreateAuditEvents1764100005000 } from './1764100005000-create-audit-events';
import { CreateCalendarOverrides1764100006000 } from './1764100006000-create-calendar-overrides';
import { CreateApplications1764100010000 } from './1764100010000-create-applications';
import { CreateApplicationEvents1764100011000 } from './1764100011000-create-application-events';
import { CreateAttachments1764100012000 } from './1764100012000-create-attachments';
import { CreateReceiptSequences1764100013000 } from './1764100013000-create-receipt-sequences';
import { CreateNotifications1764100020000 } from './1764100020000-create-notifications';
import { CreateMailSinkMessages1764100021000 } from './1764100021000-create-mail-sink-messages';
import { CreateApplicationRatings1764100030000 } from './1764100030000-create-application-ratings';
import { CreateReportRollups1764100031000 } from './1764100031000-create-report-rollups';
import { CreateReportHistograms1764100032000 } from './1764100032000-create-report-histograms';
import { CreateResults1764100040000 } from './1764100040000-create-results';
import { CreateResultDownloads1764100041000 } from './1764100041000-create-result-downloads';
import { CreateIdempotencyRecords1764100060000 } from './1764100060000-create-idempotency-records';
import { CreateOutboxMessages1764100061000 } from './1764100061000-create-outbox-messages';
import { EncryptNationalIds1764100070000 } from './1764100070000-encrypt-national-ids';
import { AddProcedureRetention1764100080000 } from './1764100080000-add-procedure-retention';
import { AddApplicationAnonymisedAt1764100080100 } from './1764100080100-add-application-anonymised-at';
import { AddNotificationAttachment1764100090000 } from './1764100090000-add-notification-attachment';
import { AddMailSinkAttachments1764100090001 } from './1764100090001-add-mail-sink-attachments';
import { EncryptFormData1764100100000 } from './1764100100000-encrypt-form-data';
import { AddApplicationQueueOrderIndex1764100120000 } from './1764100120000-add-application-queue-order-index';
import { AddOutboxCompletion1764100130000 } from './1764100130000-add-outbox-completion';
import { AddYearlyReportRollups1764200000000 } from './1764200000000-add-yearly-report-rollups';
import { IndexReportHistogramsByMetric1764200001000 } from './1764200001000-index-report-histograms-by-metric';
import { IndexRunningFilesByDueTime1764200002000 } from './1764200002000-index-running-files-by-due-time';
import { AddApplicationImportedAt1764200003000 } from './1764200003000-add-application-imported-at';
import { IndexDraftsByLastChange1764200007190 } from './1764200007190-index-drafts-by-last-change';
import { AddCalendarSchedules1764200010000 } from './1764200010000-add-calendar-schedules';
import { AddIdempotencyLease1764200012000 } from './1764200012000-add-idempotency-lease';
import { SealPersonalText1764200013000 } from './1764200013000-seal-personal-text';
import { CreatePayments1764300100000 } from './1764300100000-create-payments';
import { AddProcedureFeeDue1764300200000 } from './1764300200000-add-procedure-fee-due';
import { CreateFeeReceipts1764300201000 } from './1764300201000-create-fee-receipts';
import { WidenAttachmentDocumentName1764300300000 } from './1764300300000-widen-attachment-document-name';
import { AddAttachmentSupplementRequest1764300301000 } from './1764300301000-add-attachment-supplement-request';
import { CreateApplicationMessages1764300400000 } from './1764300400000-create-application-messages';
import { CreateResultNumbers1764300600000 } from './1764300600000-create-result-numbers';
import { AddAccountRecovery1764300700000 } from './1764300700000-add-account-recovery';
import { AddApplicantSearchName1764300800000 } from './1764300800000-add-applicant-search-name';
import { CreateProcedureSteps1764400100000 } from './1764400100000-create-procedure-steps';
import { AddApplicationStep1764400101000 } from './1764400101000-add-application-step';
import { CreateConsultations1764400200000 } from './1764400200000-create-consultations';
import { CreateReportStepRollups1764400300000 } from './1764400300000-create-report-step-rollups';
import { CreateDocumentReviews1764400400000 } from './1764400400000-create-document-reviews';
import { CreateDraftedResults1764400401000 } from './1764400401000-create-drafted-results';
import { AddApplicantLookupHashes1764400500000 } from './1764400500000-add-applicant-lookup-hashes';
import { AddAttachmentDigitised1764400501000 } from './1764400501000-add-attachment-digitised';
import { IndexQueueSearches1764400600000 } from './1764400600000-index-queue-searches';
import { CreateFeedback1764500600000 } from './1764500600000-create-feedback';
import { AddAgencyFeedbackDays1764500601000 } from './1764500601000-add-agency-feedback-days';
import { AddServiceIndex1764500400000 } from './1764500400000-add-service-index';
import { AddAttachmentOrigin1764500700000 } from './1764500700000-add-attachment-origin';
import { CreateReportFileEntries1764500500000 } from './1764500500000-create-report-file-entries';
import { CreateReportStepEntries1764500900000 } from './1764500900000-create-report-step-entries';
import { AddAttachmentReturnedBy1764500200000 } from './1764500200000-add-attachment-returned-by';
import { AddDigitisationRollups1764500800000 } from './1764500800000-add-digitisation-rollups';
import { CreateWebhooks1764501100000 } from './1764501100000-create-webhooks';
import { CreateNationalSyncEntries1764501200000 } from './1764501200000-create-national-sync-entries';
import { CreatePartnerClients1764501300000 } from './1764501300000-create-partner-clients';
import { AddIndexFileLists1764501400000 } from './1764501400000-add-index-file-lists';
import { CreateTextMessages1764501500000 } from './1764501500000-create-text-messages';

/** Every migration, in order. Listed explicitly so bundled builds need no file globbing. */
export const MIGRATIONS = [
  CreateAgencies1764100000000,
  CreateProcedures1764100001000,
  CreateUsers1764100002000,
  CreateJobRuns1764100003000,
  CreateRefreshTokens1764100004000,
  CreateAuditEvents1764100005000,
  CreateCalendarOverrides1764100006000,
  CreateApplications1764100010000,
  CreateApplicationEvents1764100011000,
  CreateAttachments1764100012000,
  CreateReceiptSequences1764100013000,
  CreateNotifications1764100020000,
  CreateMailSinkMessages1764100021000,
  CreateApplicationRatings1764100030000,
  CreateReportRollups1764100031000,
  CreateReportHistograms1764100032000,
  CreateResults1764100040000,
  CreateResultDownloads1764100041000,
  CreateIdempotencyRecords1764100060000,
  CreateOutboxMessages1764100061000,
  EncryptNationalIds1764100070000,
  AddProcedureRetention1764100080000,
  AddApplicationAnonymisedAt1764100080100,
  AddNotificationAttachment1764100090000,
  AddMailSinkAttachments1764100090001,
  EncryptFormData1764100100000,
  AddApplicationQueueOrderIndex1764100120000,
  AddOutboxCompletion1764100130000,
  AddYearlyReportRollups1764200000000,
  IndexReportHistogramsByMetric1764200001000,
  IndexRunningFilesByDueTime1764200002000,
  AddApplicationImportedAt1764200003000,
  IndexDraftsByLastChange1764200007190,
  AddCalendarSchedules1764200010000,
  AddIdempotencyLease1764200012000,
  SealPersonalText1764200013000,
  CreatePayments1764300100000,
  AddProcedureFeeDue1764300200000,
  CreateFeeReceipts1764300201000,
  WidenAttachmentDocumentName1764300300000,
  AddAttachmentSupplementRequest1764300301000,
  CreateApplicationMessages1764300400000,
  CreateResultNumbers1764300600000,
  AddAccountRecovery1764300700000,
  AddApplicantSearchName1764300800000,
  CreateProcedureSteps1764400100000,
  AddApplicationStep1764400101000,
  CreateConsultations1764400200000,
  CreateReportStepRollups1764400300000,
  CreateDocumentReviews1764400400000,
  CreateDraftedResults1764400401000,
  AddApplicantLookupHashes1764400500000,
  AddAttachmentDigitised1764400501000,
  IndexQueueSearches1764400600000,
  CreateFeedback1764500600000,
  AddAgencyFeedbackDays1764500601000,
  AddServiceIndex1764500400000,
  AddAttachmentOrigin1764500700000,
  CreateReportFileEntries1764500500000,
  AddAttachmentReturnedBy1764500200000,
  CreateReportStepEntries1764500900000,
  AddDigitisationRollups1764500800000,
  CreateWebhooks1764501100000,
  CreateNationalSyncEntries1764501200000,
  CreatePartnerClients1764501300000,
  AddIndexFileLists1764501400000,
  CreateTextMessages1764501500000,
];
