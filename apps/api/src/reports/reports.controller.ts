import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Readable } from 'node:stream';

import { Authenticated, CurrentUser } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import { MEDIA_TYPES } from '@onegate/reporting';
import type { ExportFormat } from '@onegate/reporting';

import {
  BreakdownExportQueryDto,
  BreakdownQueryDto,
  ReportFilesExportQueryDto,
  ReportFilesQueryDto,
  ReportQueryDto,
  StepExportQueryDto,
  StepFilesExportQueryDto,
  StepFilesQueryDto,
  SummaryExportQueryDto,
  WorkloadQueryDto,
} from './report.query';
import type {
  BreakdownReport,
  DigitisationReport,
  ExportedFile,
  FeedbackReport,
  StepsReport,
  SummaryReport,
  TimeInStateReport,
} from './reports.service';
import { ReportsService } from './reports.service';
import type { ReportFilesPage } from './report-files.service';
import type { StalledReport, WorkloadReport } from './workload.service';
import { WorkloadService } from './workload.service';
import { ReportFilesService } from './report-files.service';
import type { StepFilesPage } from './step-files.service';
import { StepFilesService } from './step-files.service';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { ApiExportResponse, ApiObjectResponse } from '../openapi/api-responses.decorator';

/** Turnaround, on-time and fully-online reports (docs/metrics.md), for supervisors and administrators. */
@ApiTags('reports')
@Controller('api/reports')
@Authenticated({ roles: ['supervisor', 'admin'] })
export class ReportsController {
  public constructor(
    private readonly reports: ReportsService,
    private readonly files: ReportFilesService,
    private readonly stepFiles: StepFilesService,
    private readonly workload: WorkloadService,
  ) {}

  /** The open files now, per clerk, step and holding agency, overdue first (docs/metrics.md, "Workload"). */
  @ApiOperation({ summary: 'Read the workload of each officer' })
  @ApiErrors(404)
  @ApiObjectResponse('The workload (docs/metrics.md)')
  @Get('workload')
  public workloadReport(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: WorkloadQueryDto,
  ): Promise<WorkloadReport> {
    return this.workload.report(user, query.agency);
  }

  /** The 20 open files longest without an event, oldest first (docs/metrics.md, "Stalled files"). */
  @ApiOperation({ summary: 'List stalled files' })
  @ApiErrors(404)
  @ApiObjectResponse('The stalled files (docs/metrics.md)')
  @Get('stalled')
  public stalledFiles(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: WorkloadQueryDto,
  ): Promise<StalledReport> {
    return this.workload.stalled(user, query.agency);
  }

  /** The files a figure counts, with its scope (docs/metrics.md, "Drill-down"). */
  @ApiOperation({ summary: 'List the files behind a report figure' })
  @ApiErrors(404)
  @ApiObjectResponse('A page of files (docs/metrics.md, "Drill-down")')
  @Get('files')
  public figureFiles(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ReportFilesQueryDto,
  ): Promise<ReportFilesPage> {
    return this.files.page(user, query);
  }

  @ApiOperation({ summary: 'Download the files behind a report figure' })
  @ApiErrors(404)
  @ApiExportResponse()
  @Get('files/export')
  public async exportFigureFiles(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ReportFilesExportQueryDto,
  ): Promise<StreamableFile> {
    return streamed(await this.files.export(user, query, query.format, query.lang), query.format);
  }

  /** The step stretches a step figure counts, with its scope (docs/metrics.md, "Drill-down from the step figures"). */
  @ApiOperation({ summary: 'List the step stretches behind a step figure' })
  @ApiErrors(404)
  @ApiObjectResponse('A page of step stretches (docs/metrics.md)')
  @Get('steps/files')
  public stepFigureFiles(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: StepFilesQueryDto,
  ): Promise<StepFilesPage> {
    return this.stepFiles.page(user, query);
  }

  @ApiOperation({ summary: 'Download the step stretches behind a step figure' })
  @ApiErrors(404)
  @ApiExportResponse()
  @Get('steps/files/export')
  public async exportStepFigureFiles(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: StepFilesExportQueryDto,
  ): Promise<StreamableFile> {
    return streamed(await this.stepFiles.export(user, query, query.format, query.lang), query.format);
  }

  @ApiOperation({ summary: 'Read the summary report' })
  @ApiErrors(404)
  @ApiObjectResponse('The summary figures (docs/metrics.md)')
  @Get('summary')
  public summary(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ReportQueryDto,
  ): Promise<SummaryReport> {
    return this.reports.summary(user, query);
  }

  @ApiOperation({ summary: 'Read the report broken down by agency, procedure or channel' })
  @ApiErrors(404)
  @ApiObjectResponse('The groups and their figures (docs/metrics.md)')
  @Get('breakdown')
  public breakdown(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: BreakdownQueryDto,
  ): Promise<BreakdownReport> {
    return this.reports.breakdown(user, query, query.groupBy);
  }

  @ApiOperation({ summary: 'Read the time files spend in each state' })
  @ApiErrors(404)
  @ApiObjectResponse('Per procedure, the time in each state (docs/metrics.md)')
  @Get('time-in-state')
  public timeInState(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ReportQueryDto,
  ): Promise<TimeInStateReport> {
    return this.reports.timeInState(user, query);
  }

  /** Feedback in the remit, handled on time or late, rated not satisfied; files with a complaint. */
  @ApiOperation({ summary: 'Read the feedback figures' })
  @ApiErrors(404)
  @ApiObjectResponse('The feedback figures (docs/feedback.md)')
  @Get('feedback')
  public feedback(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ReportQueryDto,
  ): Promise<FeedbackReport> {
    return this.reports.feedback(user, query);
  }

  /** Files whose documents were digitised, and files that reused the citizen's stored documents. */
  @ApiOperation({ summary: 'Read the digitisation figures' })
  @ApiErrors(404)
  @ApiObjectResponse('The digitisation figures (docs/metrics.md)')
  @Get('digitisation')
  public digitisation(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ReportQueryDto,
  ): Promise<DigitisationReport> {
    return this.reports.digitisation(user, query);
  }

  /** Where files stall: the step figures per step, holding unit and competent agency. */
  @ApiOperation({ summary: 'Read the figures of each step' })
  @ApiErrors(404)
  @ApiObjectResponse('The step figures (docs/metrics.md)')
  @Get('steps')
  public steps(@CurrentUser() user: AuthenticatedUser, @Query() query: ReportQueryDto): Promise<StepsReport> {
    return this.reports.steps(user, query);
  }

  @ApiOperation({ summary: 'Download the step figures' })
  @ApiErrors(404)
  @ApiExportResponse()
  @Get('steps/export')
  public async exportSteps(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: StepExportQueryDto,
  ): Promise<StreamableFile> {
    return file(
      await this.reports.exportSteps(user, query, query.by, query.format, query.lang),
      query.format,
    );
  }

  @ApiOperation({ summary: 'Download the summary report' })
  @ApiErrors(404)
  @ApiExportResponse()
  @Get('summary/export')
  public async exportSummary(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: SummaryExportQueryDto,
  ): Promise<StreamableFile> {
    return file(await this.reports.exportSummary(user, query, query.format, query.lang), query.format);
  }

  @ApiOperation({ summary: 'Download the broken-down report' })
  @ApiErrors(404)
  @ApiExportResponse()
  @Get('breakdown/export')
  public async exportBreakdown(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: BreakdownExportQueryDto,
  ): Promise<StreamableFile> {
    return file(
      await this.reports.exportBreakdown(user, query, query.groupBy, query.format, query.lang),
      query.format,
    );
  }
}

/** A streamed list as the download it is answered with. */
function streamed(exported: { stream: Readable; fileName: string }, format: ExportFormat): StreamableFile {
  return new StreamableFile(exported.stream, {
    type: MEDIA_TYPES[format],
    disposition: `attachment; filename="${exported.fileName}"`,
  });
}

/** An exported report as the download it is answered with. */
export function file(exported: ExportedFile, format: ExportFormat): StreamableFile {
  return new StreamableFile(exported.bytes, {
    type: MEDIA_TYPES[format],
    disposition: `attachment; filename="${exported.fileName}"`,
    length: exported.bytes.length,
  });
}
