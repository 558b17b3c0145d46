import { Module } from '@nestjs/common';

import { WorkingCalendarModule } from '@onegate/applications';
import { ReportingModule } from '@onegate/reporting';

import { ImportRepository } from './import.repository';
import { ImportService } from './import.service';

/**
 * The import itself, without HTTP or queues, so the command line can run it too. The clock comes from
 * PlatformModule and the calendars from WorkingCalendarModule: the same ones the rest of the process uses.
 */
@Module({
  imports: [ReportingModule, WorkingCalendarModule],
  providers: [ImportService, ImportRepository],
  exports: [ImportService],
})
export class ImportCoreModule {}
