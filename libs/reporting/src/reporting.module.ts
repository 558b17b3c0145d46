import { Module } from '@nestjs/common';

import { FeedbackFiguresService } from './queries/feedback-figures.service';
import { DigitisationQuery } from './queries/digitisation';
import { FigureFileRepository } from './queries/figure-file.repository';
import { StepFileRepository } from './queries/step-file.repository';
import { ReportCatalogueRepository } from './queries/report-catalogue';
import { ReportQueryService } from './queries/report-query.service';
import { ReportRebuildService } from './rollups/report-rebuild.service';
import { ReportRollupRepository } from './rollups/report-rollup.repository';
import { ReportRollupsService } from './rollups/report-rollups.service';
import { RollupLayoutRepository } from './rollups/rollup-layout';
import { ScoringTableRepository } from './service-index/scoring-table.repository';
import { ServiceIndexQueryService } from './service-index/service-index-query.service';
import { ComplaintSourceRepository } from './sources/complaint-source.repository';
import { SynchronisedSourceRepository } from './sources/synchronised-source.repository';
import { DigitisationSourceRepository } from './sources/digitisation-source.repository';
import { RatingRepository } from './sources/rating.repository';
import { ReportSourceRepository } from './sources/report-source.repository';
import { WorkloadRepository } from './queries/workload.repository';

const PROVIDERS = [
  ComplaintSourceRepository,
  SynchronisedSourceRepository,
  FeedbackFiguresService,
  DigitisationQuery,
  DigitisationSourceRepository,
  FigureFileRepository,
  StepFileRepository,
  ReportCatalogueRepository,
  ReportQueryService,
  ReportRebuildService,
  ReportRollupRepository,
  ReportRollupsService,
  RatingRepository,
  ReportSourceRepository,
  RollupLayoutRepository,
  ScoringTableRepository,
  ServiceIndexQueryService,
  WorkloadRepository,
];

/** Report rollups (kept by every event's transaction), their queries, rebuild and exports. */
@Module({
  providers: PROVIDERS,
  exports: PROVIDERS,
})
export class ReportingModule {}
