export { ReportingModule } from './reporting.module';

// Queries and their exports
export { ReportCatalogue, ReportCatalogueRepository } from './queries/report-catalogue';
export { DigitisationQuery, type DigitisationFigures } from './queries/digitisation';
export {
  BREAKDOWN_GROUPINGS,
  ReportQueryService,
  type BreakdownGroup,
  type BreakdownGrouping,
  type ProcedureTimeInState,
  type ReportQuery,
} from './queries/report-query.service';
export { FeedbackFiguresService, type FeedbackFigures } from './queries/feedback-figures.service';
export { breakdownTable, summaryTable, type Cell, type ReportTable } from './exports/report-table';
export { stepTable, STEP_TABLES, type StepTableKind } from './exports/step-table';
export { hoursOf, type StepReport } from './queries/step-report';
export {
  csvStream,
  EXPORT_FORMATS,
  MEDIA_TYPES,
  toCsv,
  toXlsx,
  xlsxStream,
  type ExportFormat,
} from './exports/table-files';
export { fileTableHeaders, fileTableRow, stepFileTableHeaders, stepFileTableRow } from './exports/file-table';
export {
  STEP_FILE_FIGURES,
  StepFileRepository,
  type StepFile,
  type StepFileCursor,
  type StepFileFigure,
  type StepFileQuery,
} from './queries/step-file.repository';
export {
  FigureFileRepository,
  type FigureFile,
  type FigureFileQuery,
  type FileCursor,
} from './queries/figure-file.repository';
export { WorkloadRepository, type WorkloadCell } from './queries/workload.repository';
export { DRILL_DOWN_FIGURES, type DrillDownFigure } from './figures/figure-files';

// Rollups: kept as files change, rebuilt from the history
export { ReportRollupsService, type StepCalendars } from './rollups/report-rollups.service';
export { ReportRebuildService } from './rollups/report-rebuild.service';
export { RollupChanges } from './rollups/rollup-changes';

// Figures and their sources
export { documentFactsOf, historyEventOf, type ApplicationHistory } from './figures/application-history';
export { contributionOf } from './figures/contribution';
export { LocalDays } from './figures/local-days';
export type { ReportFigures } from './figures/report-figures';
export { RatingRepository } from './sources/rating.repository';
export type { HistoryOwner } from './sources/report-source.repository';

// The service index of Decision 766 (docs/decision-766.md)
export { CRITERIA, GROUP_IDS } from './service-index/criteria';
export type { CriterionId, GroupId } from './service-index/criteria';
export { DEFAULT_SCORING_TABLE, scoringProblems } from './service-index/scoring-table';
export type { ScoringTableDefinition, ScoringTableVersion } from './service-index/scoring-table';
export { ScoringTableRepository } from './service-index/scoring-table.repository';
export { ServiceIndexQueryService } from './service-index/service-index-query.service';
export type { RankedUnit, ServiceIndexResult } from './service-index/service-index-query.service';
export { rankingTable, serviceIndexTable } from './exports/service-index-table';
