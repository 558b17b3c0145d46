import { Module } from '@nestjs/common';

import { Clock, WorkingCalendarService } from '@onegate/applications';
import { ReportingModule } from '@onegate/reporting';

import { ImportRepository } from './import.repository';
import { ImportService } from './import.service';

/** The import itself, without HTTP or queues, so the command line can run it too. */
@Module({
  imports: [ReportingModule],
  providers: [ImportService, ImportRepository, WorkingCalendarService, Clock],
  exports: [ImportService],
})
export class ImportCoreModule {}
