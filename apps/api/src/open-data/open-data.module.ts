import { Module } from '@nestjs/common';

import { AuthModule } from '@onegate/auth';
import { ReportingModule } from '@onegate/reporting';

import { OpenDataController } from './open-data.controller';
import { OpenDataService } from './open-data.service';

/** The open data: each agency's monthly figures, public (docs/open-data.md). */
@Module({
  imports: [AuthModule, ReportingModule],
  controllers: [OpenDataController],
  providers: [OpenDataService],
  exports: [OpenDataService],
})
export class OpenDataModule {}
