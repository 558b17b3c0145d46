import { Module } from '@nestjs/common';

import { ApplicationsModule } from '@onegate/applications';
import { ReportingModule } from '@onegate/reporting';

import { RatingService } from './rating.service';
import { RatingsController } from './ratings.controller';
import { ReportScopeService } from './report-scope.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';
import { AdminScoringTablesController, ServiceIndexController } from './service-index.controller';
import { ServiceIndexService } from './service-index.service';

@Module({
  imports: [ApplicationsModule, ReportingModule],
  controllers: [ReportsController, RatingsController, ServiceIndexController, AdminScoringTablesController],
  providers: [ReportsService, ReportScopeService, RatingService, ServiceIndexService],
  exports: [ReportsService, ReportScopeService, RatingService, ServiceIndexService],
})
export class ReportsModule {}
