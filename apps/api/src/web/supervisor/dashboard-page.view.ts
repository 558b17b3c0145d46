import type { Language } from '@onegate/domain';

import type { ReportsService } from '../../reports/reports.service';
import type { ServiceIndexRanking, ServiceIndexReport } from '../../reports/service-index.service';
import type { StalledReport, WorkloadReport } from '../../reports/workload.service';
import { errorsOf } from '../core/form-outcome';
import type { FieldProblem, FormErrors } from '../core/form-problems';
import { localToday } from '../core/formatters';
import { translate } from '../core/messages';
import type { AgencyTree } from './agency-picker.view';
import { agencyPickerView } from './agency-picker.view';
import { serviceIndexView } from './service-index.view';
import { figureLinks, roleKeyOf, stepLinks } from './figure-files-page.view';
import { monthWords, PERIOD_PRESETS, presetRange } from './period-presets';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface Period {
  from: string;
  to: string;
  agency: string | undefined;
}

type Groups = Awaited<ReturnType<ReportsService['breakdown']>>['groups'];

export interface DashboardFigures {
  summary: Awaited<ReturnType<ReportsService['summary']>>;
  months: Groups;
  byAgency: Groups;
  byProcedure: Groups;
  steps: Awaited<ReturnType<ReportsService['steps']>>;
  index: ServiceIndexReport;
  ranking: ServiceIndexRanking;
  workload: WorkloadReport;
  stalled: StalledReport;
}

/** The period asked for: this year so far unless both ends are dates; an agency among those offered. */
export function periodOf(
  fields: Record<string, string>,
  agencies: { code: string }[],
  today = localToday(),
): Period {
  return {
    from: DATE.test(fields.from ?? '') ? fields.from : `${today.slice(0, 4)}-01-01`,
    to: DATE.test(fields.to ?? '') ? fields.to : today,
    agency: agencies.some((item) => item.code === fields.agency) ? fields.agency : undefined,
  };
}

/**
 * The form's frame: the period presets as plain links (this month, last month, this quarter, this year,
 * from `today` on the chosen agency's wall clock), the one matching the period marked current, then the
 * custom range with the agency-tree picker.
 */
export function dashboardFrame(lang: Language, period: Period, tree: AgencyTree, today = localToday()) {
  const presets = PERIOD_PRESETS.map((id) => {
    const { from, to } = presetRange(id, today);
    const query = new URLSearchParams({ from, to, ...(period.agency ? { agency: period.agency } : {}) });
    return {
      id,
      labelKey: `dashboard.preset.${id}`,
      href: `/supervisor/dashboard?${query}`,
      current: from === period.from && to === period.to,
    };
  });
  return {
    titleKey: 'dashboard.title',
    from: period.from,
    to: period.to,
    presets,
    agencyPicker: agencyPickerView({
      lang,
      tree,
      chosen: period.agency,
      action: '/supervisor/dashboard',
      keep: { from: period.from, to: period.to },
      hidden: [],
    }),
  };
}

export function dashboardView(lang: Language, period: Period, figures: DashboardFigures) {
  const { summary, months } = figures;
  const { from, to, agency } = period;
  const exportQuery = (extra: Record<string, string>) =>
    `?${new URLSearchParams({ from, to, ...(agency ? { agency } : {}), lang, ...extra })}`;
  const exportOf = (path: string, extra: Record<string, string>) =>
    `/api/reports/${path}/export${exportQuery(extra)}`;
  // Each figure links to the files it counts, in the same scope (docs/metrics.md, "Drill-down").
  const scope = { from, to, agency };
  const linked = (groupBy: string, groups: Groups) =>
    groups.map((group) => ({ ...group, links: figureLinks({ ...scope, groupBy, group: group.key }) }));
  return {
    summary,
    summaryLinks: figureLinks(scope),
    byAgency: linked('agency', figures.byAgency),
    byProcedure: linked('procedure', figures.byProcedure),
    steps: figures.steps.steps.map((line) => ({
      ...line,
      links: stepLinks(
        { ...scope, procedure: line.procedure },
        { step: String(line.position), stepName: line.name },
      ),
    })),
    units: figures.steps.units.map((unit) => ({
      ...unit,
      roleKey: roleKeyOf(unit.role),
      links: stepLinks(scope, { unit: unit.agency, role: unit.role }),
    })),
    stepAgencies: figures.steps.agencies.map((line) => ({
      ...line,
      links: stepLinks({ ...scope, groupBy: 'agency', group: line.agency }),
    })),
    workload: workloadView(figures.workload),
    stalled: figures.stalled,
    serviceIndex: serviceIndexView(lang, period, figures.index, figures.ranking),
    months: linked('month', months).map((group) => ({ ...group, label: monthWords(lang, group.key) })),
    trendChart: {
      labels: months.map((group) => monthWords(lang, group.key)),
      datasets: [
        {
          label: translate(lang, 'dashboard.received'),
          data: months.map((group) => group.received),
          type: 'bar',
        },
        {
          label: translate(lang, 'dashboard.decided'),
          data: months.map((group) => group.decided),
          type: 'bar',
        },
        {
          label: translate(lang, 'dashboard.onTimeRatePercent'),
          data: months.map((group) => percent(group.onTimeRate)),
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
      summaryCsv: exportOf('summary', { format: 'csv' }),
      summaryXlsx: exportOf('summary', { format: 'xlsx' }),
      agencyCsv: exportOf('breakdown', { format: 'csv', groupBy: 'agency' }),
      agencyXlsx: exportOf('breakdown', { format: 'xlsx', groupBy: 'agency' }),
      procedureCsv: exportOf('breakdown', { format: 'csv', groupBy: 'procedure' }),
      procedureXlsx: exportOf('breakdown', { format: 'xlsx', groupBy: 'procedure' }),
      stepsCsv: exportOf('steps', { format: 'csv', by: 'step' }),
      stepsXlsx: exportOf('steps', { format: 'xlsx', by: 'step' }),
      unitsCsv: exportOf('steps', { format: 'csv', by: 'unit' }),
      unitsXlsx: exportOf('steps', { format: 'xlsx', by: 'unit' }),
    },
    // Chart.js itself is fetched by this script only when a chart is on the page (docs/portal.md).
    pageScripts: [{ src: '/assets/onegate/js/dashboard.mjs', module: true }],
  };
}

/** The workload's step counts link to the staff queue filtered on that step (and overdue). */
function workloadView(workload: WorkloadReport) {
  const queue = (procedure: string, position: number, extra: Record<string, string> = {}) =>
    `/staff/queue?${new URLSearchParams({ procedure, step: String(position), ...extra })}`;
  return {
    ...workload,
    steps: workload.steps.map((line) => {
      const linked = line.procedure !== null && line.position !== null;
      return {
        ...line,
        queue: linked ? queue(line.procedure!, line.position!) : null,
        queueOverdue: linked ? queue(line.procedure!, line.position!, { urgency: 'overdue' }) : null,
      };
    }),
  };
}

export function dashboardErrors(lang: Language, problems: FieldProblem[]): FormErrors {
  return errorsOf(
    lang,
    problems,
    (field) => field,
    (id) => translate(lang, `dashboard.${id}`),
  );
}

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);
