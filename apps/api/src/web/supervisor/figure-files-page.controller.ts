import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

import { Authenticated, CurrentUser } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';

import { ReportFilesQueryDto } from '../../reports/report.query';
import { ReportFilesService } from '../../reports/report-files.service';
import { PageRenderer } from '../core/page-renderer';
import { languageOf } from '../core/web-cookies';
import type { WebRequest } from '../core/web-request';
import { figureFilesView } from './figure-files-page.view';

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
    private readonly pages: PageRenderer,
  ) {}

  @Get()
  public async list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ReportFilesQueryDto,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    const page = await this.files.page(user, query);
    await this.pages.render(
      request,
      response,
      'supervisor/files',
      figureFilesView(languageOf(request), query, page),
    );
  }
}
