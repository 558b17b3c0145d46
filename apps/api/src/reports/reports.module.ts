import { Module } from '@nestjs/common';

import { ApplicationsModule } from '@onegate/applications';
import { ReportingModule } from '@onegate/reporting';

import { RatingService } from './rating.service';
import { RatingsController } from './ratings.controller';
import { ReportScopeService } from './report-scope.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  imports: [ApplicationsModule, ReportingModule],
  controllers: [ReportsController, RatingsController],
  providers: [ReportsService, ReportScopeService, RatingService],
  exports: [ReportsService, ReportScopeService, RatingService],
})
export class ReportsModule {}
