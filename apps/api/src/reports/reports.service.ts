import { Injectable } from '@nestjs/common';

import type { AuthenticatedUser } from '@onegate/access';
import type { Language } from '@onegate/domain';
import {
  breakdownTable,
  FeedbackFiguresService,
  DigitisationQuery,
  ReportQueryService,
  stepTable,
  summaryTable,
  toCsv,
  toXlsx,
} from '@onegate/reporting';
import type {
  BreakdownGroup,
  BreakdownGrouping,
  DigitisationFigures,
  ExportFormat,
  FeedbackFigures,
  ProcedureTimeInState,
  ReportFigures,
  ReportTable,
  StepReport,
  StepTableKind,
} from '@onegate/reporting';

import type { ReportQueryDto } from './report.query';
import { ReportScopeService } from './report-scope.service';
import { Clock } from '@onegate/platform';

export interface ReportPeriod {
  from: string;
  to: string;
  agency: string | null;
  procedure: string | null;
}

export type SummaryReport = ReportPeriod & ReportFigures;
export type BreakdownReport = ReportPeriod & { groupBy: BreakdownGrouping; groups: BreakdownGroup[] };
export type TimeInStateReport = ReportPeriod & { procedures: ProcedureTimeInState[] };
export type StepsReport = ReportPeriod & StepReport;
export type FeedbackReport = ReportPeriod & FeedbackFigures;
export type DigitisationReport = ReportPeriod & DigitisationFigures;

export interface ExportedFile {
  bytes: Buffer;
  fileName: string;
}

@Injectable()
export class ReportsService {
  public constructor(
    private readonly scopes: ReportScopeService,
    private readonly queries: ReportQueryService,
    private readonly feedbackFigures: FeedbackFiguresService,
    private readonly clock: Clock,
    private readonly digitisationQuery: DigitisationQuery,
  ) {}

  /** Feedback figures of the Decision 766 index (docs/metrics.md, "Feedback"); `procedure` is not used. */
  public async feedback(user: AuthenticatedUser, request: ReportQueryDto): Promise<FeedbackReport> {
    const { query } = await this.scopes.resolve(user, { ...request, procedure: undefined });
    return {
      ...periodOf({ ...request, procedure: undefined }),
      ...(await this.feedbackFigures.figures(query, this.clock.now())),
    };
  }

  /** Decision 766's 4b and 4c, read live from the files' documents (docs/metrics.md, "Digitisation"). */
  public async digitisation(user: AuthenticatedUser, request: ReportQueryDto): Promise<DigitisationReport> {
    const { query } = await this.scopes.resolve(user, request);
    return { ...periodOf(request), ...(await this.digitisationQuery.figures(query)) };
  }

  public async summary(user: AuthenticatedUser, request: ReportQueryDto): Promise<SummaryReport> {
    const { query } = await this.scopes.resolve(user, request);
    return { ...periodOf(request), ...(await this.queries.summary(query)) };
  }

  public async breakdown(
    user: AuthenticatedUser,
    request: ReportQueryDto,
    groupBy: BreakdownGrouping,
  ): Promise<BreakdownReport> {
    const { query, catalogue } = await this.scopes.resolve(user, request);
    return { ...periodOf(request), groupBy, groups: await this.queries.breakdown(query, groupBy, catalogue) };
  }

  public async timeInState(user: AuthenticatedUser, request: ReportQueryDto): Promise<TimeInStateReport> {
    const { query, catalogue } = await this.scopes.resolve(user, request);
    return { ...periodOf(request), procedures: await this.queries.timeInState(query, catalogue) };
  }

  public async steps(user: AuthenticatedUser, request: ReportQueryDto): Promise<StepsReport> {
    const { query, catalogue } = await this.scopes.resolve(user, request);
    return { ...periodOf(request), ...(await this.queries.steps(query, catalogue)) };
  }

  public async exportSteps(
    user: AuthenticatedUser,
    request: ReportQueryDto,
    by: StepTableKind,
    format: ExportFormat,
    lang: Language,
  ): Promise<ExportedFile> {
    const report = await this.steps(user, request);
    return exported(stepTable(by, report, lang), format, `steps-by-${by}-${request.from}-${request.to}`);
  }

  public async exportSummary(
    user: AuthenticatedUser,
    request: ReportQueryDto,
    format: ExportFormat,
    lang: Language,
  ): Promise<ExportedFile> {
    const summary = await this.summary(user, request);
    return exported(summaryTable(request, summary, lang), format, `summary-${request.from}-${request.to}`);
  }

  public async exportBreakdown(
    user: AuthenticatedUser,
    request: ReportQueryDto,
    groupBy: BreakdownGrouping,
    format: ExportFormat,
    lang: Language,
  ): Promise<ExportedFile> {
    const report = await this.breakdown(user, request, groupBy);
    return exported(
      breakdownTable(groupBy, report.groups, lang),
      format,
      `by-${groupBy}-${request.from}-${request.to}`,
    );
  }
}

function periodOf(request: ReportQueryDto): ReportPeriod {
  return {
    from: request.from,
    to: request.to,
    agency: request.agency ?? null,
    procedure: request.procedure ?? null,
  };
}

export async function exported(
  table: ReportTable,
  format: ExportFormat,
  name: string,
): Promise<ExportedFile> {
  const bytes = format === 'csv' ? toCsv(table) : await toXlsx(table);
  return { bytes, fileName: `onegate-${name}.${format}` };
}
