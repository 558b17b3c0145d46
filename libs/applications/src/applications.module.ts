import { Module } from '@nestjs/common';

import { AgencyScopeService } from '@onegate/auth';
import { ReportingModule } from '@onegate/reporting';

import { ActionContextService } from './action-context.service';
import { ApplicationAccessService } from './application-access.service';
import { ApplicantOfApplication, ApplicationOfCaller } from './application-checks';
import { ApplicationActionsService } from './application-actions.service';
import { ApplicationIntakeService } from './application-intake.service';
import { ApplicationJournal } from './application-journal';
import { ApplicationReadingService } from './application-reading.service';
import { AttachmentService } from './attachment.service';
import { Clock } from './clock';
import { CounterRegistrationService } from './counter-registration.service';
import { FileStore } from './file-store';
import { ReceiptCodes } from './receipt-codes.service';
import { StorageLimits } from './storage-limits';
import { SubmissionCheck } from './submission-check';
import { WorkingCalendarService } from './working-calendar.service';

const SERVICES = [
  AgencyScopeService,
  ActionContextService,
  ApplicationAccessService,
  ApplicationOfCaller,
  ApplicantOfApplication,
  ApplicationActionsService,
  ApplicationIntakeService,
  ApplicationJournal,
  ApplicationReadingService,
  CounterRegistrationService,
  ReceiptCodes,
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
