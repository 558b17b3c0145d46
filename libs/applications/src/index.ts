export { ApplicationsModule } from './applications.module';
export { WorkingCalendarModule } from './working-calendar.module';
export { WorkingCalendarService } from './working-calendar.service';

// Writing: intake, counter registration, actions and the journal they share
export { ApplicationIntakeService } from './application-intake.service';
export { CounterRegistrationService } from './counter-registration.service';
export { ApplicationActionsService } from './application-actions.service';
export { ApplicationJournal } from './application-journal';
export { SupplementCheck } from './supplement-check';
export type { SupplementRequest } from './supplement-check';
export { AttachmentService, DEFAULT_DOCUMENT_TYPES, MAX_UPLOAD_BYTES } from './attachment.service';
export { typeWords, wholeMegabytes } from './document-types';

// Reading and access
export { ApplicationReadingService } from './application-reading.service';
export { ApplicationAccessService } from './application-access.service';
export { ApplicantOfApplication, ApplicationOfCaller } from './application-checks';
export { ResultDownloadService } from './result-download.service';

// Request and response bodies
export { ActionRequest } from './action.request';
export { CreateDraftRequest, RegisterCounterRequest, UpdateFormRequest } from './application.requests';
export { ApplicationDto, ApplicationEventDto, AttachmentDto, TrackingDto } from './application.dto';
