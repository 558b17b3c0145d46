import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import type { Response } from 'express';

import { Authenticated, CurrentUser } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import { AgencyRepository } from '@onegate/persistence';
import { createValidationPipe } from '@onegate/platform';

import { ReportFilesQueryDto, StepFilesQueryDto } from '../../reports/report.query';
import { ReportFilesService } from '../../reports/report-files.service';
import { StepFilesService } from '../../reports/step-files.service';
import { PageRenderer } from '../core/page-renderer';
import { languageOf } from '../core/web-cookies';
import type { WebRequest } from '../core/web-request';
import { agencyTreeOf } from './agency-picker.view';
import { periodOf } from './dashboard-page.view';
import { figureFilesView, stepFilesView } from './figure-files-page.view';

const VALIDATION = createValidationPipe();

/** The page's query: that of GET /api/reports/files, each part optional here (defaults below). */
class FigureFilesPageQuery {
  @IsOptional() @IsString() public from?: string;
  @IsOptional() @IsString() public to?: string;
  @IsOptional() @IsString() public figure?: string;
  @IsOptional() @IsString() public agency?: string;
  @IsOptional() @IsString() public procedure?: string;
  @IsOptional() @IsString() public groupBy?: string;
  @IsOptional() @IsString() public group?: string;
  @IsOptional() @IsString() public cursor?: string;
  @IsOptional() @IsString() public limit?: string;
}

/** The step list page's query: that of GET /api/reports/steps/files, each part optional here. */
class StepFilesPageQuery extends FigureFilesPageQuery {
  @IsOptional() @IsString() public step?: string;
  @IsOptional() @IsString() public stepName?: string;
  @IsOptional() @IsString() public unit?: string;
  @IsOptional() @IsString() public role?: string;
}

/**
 * The files behind one figure of the dashboard, with its scope (docs/metrics.md, "Drill-down"): a page
 * of them at a time, newest first, each linked to its file page, and the whole list as CSV or XLSX.
 */
@ApiExcludeController()
@Controller('supervisor/dashboard/files')
@Authenticated({ roles: ['supervisor', 'admin'] })
export class FigureFilesPageController {
  public constructor(
    private readonly files: ReportFilesService,
    private readonly agencies: AgencyRepository,
    private readonly stepFiles: StepFilesService,
    private readonly pages: PageRenderer,
  ) {}

  @Get()
  public async list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() fields: FigureFilesPageQuery,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    const query = await pageQuery(fields, 'received', ReportFilesQueryDto);
    const [page, tree] = await Promise.all([this.files.page(user, query), agencyTreeOf(this.agencies, user)]);
    await this.pages.render(
      request,
      response,
      'supervisor/files',
      figureFilesView(languageOf(request), query, page, tree),
    );
  }

  /** The stretches behind a step figure (docs/metrics.md, "Drill-down from the step figures"). */
  @Get('steps')
  public async stretches(
    @CurrentUser() user: AuthenticatedUser,
    @Query() fields: StepFilesPageQuery,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    const query = await pageQuery(fields, 'stretches', StepFilesQueryDto);
    const page = await this.stepFiles.page(user, query);
    await this.pages.render(
      request,
      response,
      'supervisor/step-files',
      stepFilesView(languageOf(request), query, page),
    );
  }
}

/** The API's query from the page's: without a period or a figure, this year so far and `figure`. */
async function pageQuery<Dto>(
  fields: FigureFilesPageQuery,
  figure: string,
  metatype: new () => Dto,
): Promise<Dto> {
  const { from, to } = periodOf({}, []);
  const given = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  return (await VALIDATION.transform({ from, to, figure, ...given }, { type: 'query', metatype })) as Dto;
}
