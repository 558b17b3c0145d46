import { Module } from '@nestjs/common';

import { ApplicationsModule } from '@onegate/applications';
import { ReportingModule } from '@onegate/reporting';

import { RatingService } from './rating.service';
import { RatingsController } from './ratings.controller';
import { ReportFilesService } from './report-files.service';
import { ReportScopeService } from './report-scope.service';
import { StepFilesService } from './step-files.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';
import { WorkloadService } from './workload.service';
import { AdminScoringTablesController, ServiceIndexController } from './service-index.controller';
import { ServiceIndexService } from './service-index.service';

@Module({
  imports: [ApplicationsModule, ReportingModule],
  controllers: [ReportsController, RatingsController, ServiceIndexController, AdminScoringTablesController],
  providers: [
    ReportsService,
    ReportFilesService,
    StepFilesService,
    ReportScopeService,
    RatingService,
    ServiceIndexService,
    WorkloadService,
  ],
  exports: [
    ReportsService,
    ReportFilesService,
    StepFilesService,
    ReportScopeService,
    RatingService,
    ServiceIndexService,
    WorkloadService,
  ],
})
export class ReportsModule {}
