import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import type { Response } from 'express';

import { Authenticated, CurrentUser } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import { AgencyRepository } from '@onegate/persistence';
import { createValidationPipe } from '@onegate/platform';

import { ReportFilesQueryDto } from '../../reports/report.query';
import { ReportFilesService } from '../../reports/report-files.service';
import { PageRenderer } from '../core/page-renderer';
import { languageOf } from '../core/web-cookies';
import type { WebRequest } from '../core/web-request';
import { agencyTreeOf } from './agency-picker.view';
import { periodOf } from './dashboard-page.view';
import { figureFilesView } from './figure-files-page.view';

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
    private readonly pages: PageRenderer,
  ) {}

  @Get()
  public async list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() fields: FigureFilesPageQuery,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    // Without a period or a figure: the files received this year so far, as the dashboard's period.
    const { from, to } = periodOf({}, []);
    const given = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
    const query = (await VALIDATION.transform(
      { from, to, figure: 'received', ...given },
      { type: 'query', metatype: ReportFilesQueryDto },
    )) as ReportFilesQueryDto;
    const [page, tree] = await Promise.all([this.files.page(user, query), agencyTreeOf(this.agencies, user)]);
    await this.pages.render(
      request,
      response,
      'supervisor/files',
      figureFilesView(languageOf(request), query, page, tree),
    );
  }
}
