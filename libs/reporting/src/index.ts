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
export { breakdownTable, summaryTable, type ReportTable } from './exports/report-table';
export { stepTable, STEP_TABLES, type StepTableKind } from './exports/step-table';
export type { StepReport } from './queries/step-report';
export { EXPORT_FORMATS, MEDIA_TYPES, toCsv, toXlsx, type ExportFormat } from './exports/table-files';

// Rollups: kept as files change, rebuilt from the history
export { ReportRollupsService, type StepCalendars } from './rollups/report-rollups.service';
export { ReportRebuildService } from './rollups/report-rebuild.service';
export { RollupChanges } from './rollups/rollup-changes';

// Figures and their sources
export { historyEventOf, type ApplicationHistory } from './figures/application-history';
export { contributionOf } from './figures/contribution';
export { LocalDays } from './figures/local-days';
export type { ReportFigures } from './figures/report-figures';
export { RatingRepository } from './sources/rating.repository';
export type { HistoryOwner } from './sources/report-source.repository';
