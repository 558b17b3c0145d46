export { ApplicationsModule } from './applications.module';
export { WorkingCalendarModule } from './working-calendar.module';
export { WorkingCalendarService } from './working-calendar.service';
export { rebuildReports } from './report-rebuild';

// Writing: intake, counter registration, actions and the journal they share
export { ApplicationIntakeService } from './application-intake.service';
export { CounterRegistrationService } from './counter-registration.service';
export type { CounterScan } from './counter-registration.service';
export { ApplicationActionsService } from './application-actions.service';
export { ApplicationJournal } from './application-journal';
export { DraftRemovalService } from './draft-removal.service';
export { SupplementCheck } from './supplement-check';
export { DocumentReviewService } from './document-review.service';
export { DocumentStoreService } from './document-store.service';
export { storeDocumentFits, type StoreDocument } from './document-store';
export { StoreDocumentDto } from './store-document.dto';
export { DraftedResultService } from './drafted-result.service';
export { AttachmentService, MAX_UPLOAD_BYTES } from './attachment.service';
export { TRANSFER_DOCUMENT_LIMITS } from './transfer-documents';
export { DEFAULT_UPLOAD_TYPES } from './upload-checks';
export { typeWords, wholeMegabytes } from './document-types';

// Reading and access
export { ApplicationReadingService } from './application-reading.service';
export { BULK_ACTIONS, BulkActionRequest, MAX_BULK_FILES } from './bulk-action.request';
export { BulkActionsService } from './bulk-actions.service';
export type { BulkActionAnswer, BulkActionResult } from './bulk-actions.service';
export { isPersonalSearch, QUEUE_HOLDERS, QUEUE_WAITING } from './queue-search';
export type { QueueHolder, QueueWaiting } from './queue-search';
export { ApplicationAccessService } from './application-access.service';
export {
  ApplicantOfApplication,
  ApplicationOfCaller,
  ApplicationReachedByCaller,
  PartyOfThread,
} from './application-checks';
export { ApplicationMessagesService, MESSAGE_LIMITS, type MessageFile } from './application-messages.service';
export { ResultDownloadService } from './result-download.service';

// Citizens' feedback and petitions
export {
  checkLength as checkFeedbackLength,
  FEEDBACK_LIMITS,
  feedbackDueAt,
  FeedbackService,
  newFeedbackCode,
} from './feedback.service';
export { AuthorOfFeedback, StaffOfFeedback } from './feedback-checks';
export { FeedbackDto, FiledFeedbackDto } from './feedback.dto';
export {
  AnonymousFeedbackRatingRequest,
  AnonymousFeedbackRequest,
  FeedbackAnswerRequest,
  FeedbackDaysRequest,
  FeedbackFollowUpRequest,
  FeedbackRatingRequest,
  FileFeedbackRequest,
} from './feedback.requests';

// Request and response bodies
export { ActionRequest } from './action.request';
export { CreateDraftRequest, RegisterCounterRequest, UpdateFormRequest } from './application.requests';
export { ApplicationDto, ApplicationEventDto, AttachmentDto, TrackingDto } from './application.dto';
export { ApplicationMessageDto } from './application-message.dto';
export { ConsultationDto, ConsultedFileDto } from './consultation.dto';
