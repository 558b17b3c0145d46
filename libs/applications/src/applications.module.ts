import { Module } from '@nestjs/common';

import { AgencyScopeService } from '@onegate/auth';
import { ReportingModule } from '@onegate/reporting';

import { ApplicationAccessService } from './application-access.service';
import { ApplicationActionsService } from './application-actions.service';
import { ApplicationIntakeService } from './application-intake.service';
import { ApplicationReadingService } from './application-reading.service';
import { ApplicationSideEffects } from './application-side-effects';
import { AttachmentService } from './attachment.service';
import { Clock } from './clock';
import { FileStore } from './file-store';
import { StorageLimits } from './storage-limits';
import { SubmissionCheck } from './submission-check';
import { WorkingCalendarService } from './working-calendar.service';

const SERVICES = [
  AgencyScopeService,
  ApplicationAccessService,
  ApplicationActionsService,
  ApplicationIntakeService,
  ApplicationReadingService,
  ApplicationSideEffects,
  SubmissionCheck,
  Clock,
  AttachmentService,
  FileStore,
  StorageLimits,
  WorkingCalendarService,
];

/** The application lifecycle, shared by the API (people acting) and the worker (OneGate acting). */
@Module({
  imports: [ReportingModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class ApplicationsModule {}
