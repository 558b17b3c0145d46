import { Controller, Get, HttpStatus, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

import { Authenticated, CurrentUser } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import { AgencyRepository } from '@onegate/persistence';

import { ReportsService } from '../../reports/reports.service';
import { localToday } from '../core/formatters';
import { formErrors, isFormError, fieldProblemsOf, generalError, messageOf } from '../core/form-problems';
import { translate } from '../core/messages';
import { PageRenderer } from '../core/page-renderer';
import { languageOf } from '../core/web-cookies';
import type { WebRequest } from '../core/web-request';
import { textFields } from '../core/web-request';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The supervisor's figures for a period and agency: tiles, a monthly trend and a share chart (Chart.js,
 * drawn from data attributes by a served script), a breakdown by agency and by procedure, and exports.
 */
@ApiExcludeController()
@Controller('supervisor/dashboard')
@Authenticated({ roles: ['supervisor', 'admin'] })
export class DashboardPageController {
  public constructor(
    private readonly reports: ReportsService,
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
    const fields = textFields({ from: fromText, to: toText, agency: agencyText });
    const today = localToday();
    const from = DATE.test(fields.from ?? '') ? fields.from : `${today.slice(0, 4)}-01-01`;
    const to = DATE.test(fields.to ?? '') ? fields.to : today;
    const agencies = await this.agencyChoices(user);
    const agency = agencies.some((item) => item.code === fields.agency) ? fields.agency : undefined;
    const base = {
      titleKey: 'dashboard.title',
      from,
      to,
      agencies: agencies.map((item) => ({ ...item, selected: item.code === agency })),
    };
    const period = { from, to, agency };
    try {
      const [summary, months, byAgency, byProcedure] = await Promise.all([
        this.reports.summary(user, period),
        this.reports.breakdown(user, period, 'month'),
        this.reports.breakdown(user, period, 'agency'),
        this.reports.breakdown(user, period, 'procedure'),
      ]);
      const exportQuery = (extra: Record<string, string>) =>
        `?${new URLSearchParams({ from, to, ...(agency ? { agency } : {}), lang, ...extra })}`;
      await this.pages.render(request, response, 'supervisor/dashboard', {
        ...base,
        summary,
        byAgency: byAgency.groups,
        byProcedure: byProcedure.groups,
        months: months.groups,
        trendChart: {
          labels: months.groups.map((group) => group.key),
          datasets: [
            {
              label: translate(lang, 'dashboard.received'),
              data: months.groups.map((group) => group.received),
              type: 'bar',
            },
            {
              label: translate(lang, 'dashboard.decided'),
              data: months.groups.map((group) => group.decided),
              type: 'bar',
            },
            {
              label: translate(lang, 'dashboard.onTimeRatePercent'),
              data: months.groups.map((group) => percent(group.onTimeRate)),
              type: 'line',
              yAxisID: 'percent',
            },
          ],
        },
        shareChart: {
          labels: [translate(lang, 'dashboard.fullyOnline'), translate(lang, 'dashboard.notFullyOnline')],
          data: [summary.fullyOnline, Math.max(0, summary.returned - summary.fullyOnline)],
        },
        exports: {
          summaryCsv: `/api/reports/summary/export${exportQuery({ format: 'csv' })}`,
          summaryXlsx: `/api/reports/summary/export${exportQuery({ format: 'xlsx' })}`,
          agencyCsv: `/api/reports/breakdown/export${exportQuery({ format: 'csv', groupBy: 'agency' })}`,
          agencyXlsx: `/api/reports/breakdown/export${exportQuery({ format: 'xlsx', groupBy: 'agency' })}`,
          procedureCsv: `/api/reports/breakdown/export${exportQuery({ format: 'csv', groupBy: 'procedure' })}`,
          procedureXlsx: `/api/reports/breakdown/export${exportQuery({ format: 'xlsx', groupBy: 'procedure' })}`,
        },
        pageScripts: [
          { src: '/assets/chart.js/chart.umd.min.js', module: false },
          { src: '/assets/onegate/js/dashboard.mjs', module: true },
        ],
      });
    } catch (error) {
      if (!isFormError(error)) throw error;
      const problems = fieldProblemsOf(error);
      const errors = problems
        ? formErrors(
            lang,
            problems,
            (field) => field,
            (id) => translate(lang, `dashboard.${id}`),
          )
        : generalError(messageOf(error));
      await this.pages.render(
        request,
        response,
        'supervisor/dashboard',
        { ...base, errors },
        HttpStatus.BAD_REQUEST,
      );
    }
  }

  /** The agencies a supervisor reports on (theirs and those below it); every agency for administrators. */
  private async agencyChoices(user: AuthenticatedUser) {
    const all = (await this.agencies.list({ page: 1, pageSize: 500 })).items;
    const visible =
      user.role === 'admin' || !user.agencyId ? null : new Set(await this.agencies.subtreeIds(user.agencyId));
    return all
      .filter((agency) => !visible || visible.has(agency.id))
      .map((agency) => ({ code: agency.code, nameVi: agency.nameVi, nameEn: agency.nameEn }));
  }
}

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);
