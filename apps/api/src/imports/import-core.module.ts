import { Module } from '@nestjs/common';

import { ApplicationsModule } from '@onegate/applications';

import { DemoHistorySeeder } from './demo-history.seeder';
import { ImportRepository } from './import.repository';
import { ImportService } from './import.service';

/**
 * The import itself, without HTTP or queues, so the command line can run it too. The clock comes from
 * PlatformModule, the calendars and the journal from ApplicationsModule: the same ones the rest of the
 * process uses.
 */
@Module({
  imports: [ApplicationsModule],
  providers: [ImportService, ImportRepository, DemoHistorySeeder],
  exports: [ImportService, DemoHistorySeeder],
})
export class ImportCoreModule {}
