import { Module } from '@nestjs/common';

import { ReportingModule } from '@onegate/reporting';

import { ActionContextService } from './action-context.service';
import { AgencyScopeService } from './agency-scope.service';
import { ApplicationAccessService } from './application-access.service';
import {
  ApplicantOfApplication,
  ApplicationOfCaller,
  ApplicationReachedByCaller,
  PartyOfThread,
} from './application-checks';
import { ApplicationMessagesService } from './application-messages.service';
import { ApplicationActionsService } from './application-actions.service';
import { ApplicationIntakeService } from './application-intake.service';
import { ApplicationJournal } from './application-journal';
import { ApplicationReadingService } from './application-reading.service';
import { BulkActionsService } from './bulk-actions.service';
import { AttachmentService } from './attachment.service';
import { ConsultationWriter } from './consultation-writer';
import { TransferDocuments } from './transfer-documents';
import { CounterRegistrationService } from './counter-registration.service';
import { DocumentReviewService } from './document-review.service';
import { DocumentStoreService } from './document-store.service';
import { DraftRemovalService } from './draft-removal.service';
import { DraftedResultService } from './drafted-result.service';
import { FeedbackService } from './feedback.service';
import { AuthorOfFeedback, StaffOfFeedback } from './feedback-checks';
import { ReceiptCodes } from './receipt-codes.service';
import { ResultDownloadService } from './result-download.service';
import { StorageLimits } from './storage-limits';
import { SubmissionCheck } from './submission-check';
import { SupplementCheck } from './supplement-check';
import { WorkingCalendarModule } from './working-calendar.module';

const SERVICES = [
  AgencyScopeService,
  ActionContextService,
  ApplicationAccessService,
  ApplicationOfCaller,
  ApplicationReachedByCaller,
  ApplicantOfApplication,
  PartyOfThread,
  ApplicationMessagesService,
  ApplicationActionsService,
  ApplicationIntakeService,
  ApplicationJournal,
  ApplicationReadingService,
  BulkActionsService,
  ConsultationWriter,
  TransferDocuments,
  CounterRegistrationService,
  DraftRemovalService,
  DocumentReviewService,
  DocumentStoreService,
  DraftedResultService,
  FeedbackService,
  AuthorOfFeedback,
  StaffOfFeedback,
  ReceiptCodes,
  ResultDownloadService,
  SubmissionCheck,
  SupplementCheck,
  AttachmentService,
  StorageLimits,
];

/**
 * The application lifecycle, shared by the API (people acting) and the worker (OneGate acting). The
 * clock and the file store come from PlatformModule (@onegate/platform), provided once per process.
 */
@Module({
  imports: [ReportingModule, WorkingCalendarModule],
  providers: SERVICES,
  exports: [...SERVICES, WorkingCalendarModule],
})
export class ApplicationsModule {}
