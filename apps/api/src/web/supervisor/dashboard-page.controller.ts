import { Controller, Get, HttpStatus, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

import { Authenticated, CurrentUser } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import { AgencyRepository } from '@onegate/persistence';
import { DISPLAY_TIME_ZONE } from '@onegate/platform';

import { ReportsService } from '../../reports/reports.service';
import { ServiceIndexService } from '../../reports/service-index.service';
import { WorkloadService } from '../../reports/workload.service';
import { readOrShowRefusal } from '../core/form-outcome';
import { PageRenderer } from '../core/page-renderer';
import { languageOf } from '../core/web-cookies';
import type { WebRequest } from '../core/web-request';
import { textFields } from '../core/web-request';
import type { DashboardFigures, Period } from './dashboard-page.view';
import { agenciesInScope, agencyTreeOf } from './agency-picker.view';
import { dashboardErrors, dashboardFrame, dashboardView, periodOf } from './dashboard-page.view';
import { todayIn } from './period-presets';

/**
 * The supervisor's figures for a period and agency: tiles, a monthly trend and a share chart (Chart.js,
 * drawn from data attributes by a served script), a breakdown by agency and by procedure, where files
 * stall (by processing step and unit, and the time at other agencies), the service index of Decision 766
 * with its ranking (docs/decision-766.md), and exports.
 * A period the reports refuse shows the page's filters with the problem (400).
 */
@ApiExcludeController()
@Controller('supervisor/dashboard')
@Authenticated({ roles: ['supervisor', 'admin'] })
export class DashboardPageController {
  public constructor(
    private readonly reports: ReportsService,
    private readonly serviceIndex: ServiceIndexService,
    private readonly workload: WorkloadService,
    private readonly agencies: AgencyRepository,
    private readonly pages: PageRenderer,
  ) {}

  @Get()
  public async dashboard(
    @CurrentUser() user: AuthenticatedUser,
    @Query('from') fromText: unknown,
    @Query('to') toText: unknown,
    @Query('agency') agencyText: unknown,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    const lang = languageOf(request);
    const tree = await agencyTreeOf(this.agencies, user);
    const agencies = agenciesInScope(tree);
    const fields = textFields({ from: fromText, to: toText, agency: agencyText });
    // Presets and the default period are read on the chosen agency's wall clock (docs/portal.md).
    const chosen = agencies.find((agency) => agency.code === fields.agency);
    const today = todayIn(chosen?.timeZone ?? DISPLAY_TIME_ZONE);
    const period = periodOf(fields, agencies, today);
    const frame = dashboardFrame(lang, period, tree, today);
    const figures = await readOrShowRefusal(this.figures(user, period), (problems) =>
      this.pages.render(
        request,
        response,
        'supervisor/dashboard',
        { ...frame, errors: dashboardErrors(lang, problems) },
        HttpStatus.BAD_REQUEST,
      ),
    );
    if (figures === null) return;
    const view = { ...frame, ...dashboardView(lang, period, figures) };
    await this.pages.render(request, response, 'supervisor/dashboard', view);
  }

  private async figures(user: AuthenticatedUser, period: Period): Promise<DashboardFigures> {
    const [summary, months, byAgency, byProcedure, steps, { index, ranking }, workload, stalled] =
      await Promise.all([
        this.reports.summary(user, period),
        this.reports.breakdown(user, period, 'month'),
        this.reports.breakdown(user, period, 'agency'),
        this.reports.breakdown(user, period, 'procedure'),
        this.reports.steps(user, period),
        this.serviceIndex.figuresAndRanking(user, period),
        this.workload.report(user, period.agency),
        this.workload.stalled(user, period.agency),
      ]);
    return {
      summary,
      months: months.groups,
      byAgency: byAgency.groups,
      byProcedure: byProcedure.groups,
      steps,
      index,
      ranking,
      workload,
      stalled,
    };
  }
}
