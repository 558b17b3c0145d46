import { Module } from '@nestjs/common';

import { FigureFileRepository } from './queries/figure-file.repository';
import { ReportCatalogueRepository } from './queries/report-catalogue';
import { ReportQueryService } from './queries/report-query.service';
import { ReportRebuildService } from './rollups/report-rebuild.service';
import { ReportRollupRepository } from './rollups/report-rollup.repository';
import { ReportRollupsService } from './rollups/report-rollups.service';
import { RatingRepository } from './sources/rating.repository';
import { ReportSourceRepository } from './sources/report-source.repository';

const PROVIDERS = [
  FigureFileRepository,
  ReportCatalogueRepository,
  ReportQueryService,
  ReportRebuildService,
  ReportRollupRepository,
  ReportRollupsService,
  RatingRepository,
  ReportSourceRepository,
];

/** Report rollups (kept by every event's transaction), their queries, rebuild and exports. */
@Module({
  providers: PROVIDERS,
  exports: PROVIDERS,
})
export class ReportingModule {}
