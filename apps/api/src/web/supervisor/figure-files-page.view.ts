import type { Language } from '@onegate/domain';

import type { ReportFilesQueryDto } from '../../reports/report.query';
import type { ReportFilesPage } from '../../reports/report-files.service';
import type { AgencyTree } from './agency-picker.view';
import { agencyPickerView } from './agency-picker.view';

/** What a drill-down link carries: the figure and the scope it was computed on (docs/metrics.md, "Drill-down"). */
export interface DrillDownScope {
  from: string;
  to: string;
  agency?: string | undefined;
  procedure?: string | undefined;
  groupBy?: string | undefined;
  group?: string | undefined;
}

const PATH = '/supervisor/dashboard/files';

function searchOf(scope: DrillDownScope, extra: Record<string, string> = {}): URLSearchParams {
  const parameters = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...scope, ...extra })) {
    if (value !== undefined && value !== '') parameters.set(name, value);
  }
  return parameters;
}

/** The drill-down page of a figure in a scope. */
export function drillDownHref(scope: DrillDownScope, figure: string): string {
  return `${PATH}?${searchOf(scope, { figure }).toString()}`;
}

/** The links of the figures a dashboard row shows, each to the files it counts. */
export function figureLinks(scope: DrillDownScope) {
  const link = (figure: string) => drillDownHref(scope, figure);
  return {
    received: link('received'),
    decided: link('decided'),
    onTimeRate: link('onTimeRate'),
    fullyOnlineShare: link('fullyOnlineShare'),
    turnaroundDays: link('turnaroundDays'),
    backlog: link('backlog'),
    overdueBacklog: link('overdueBacklog'),
  };
}

/** Breakdown lines that name one agency or one of its procedures. */
const AGENCY_BOUND_GROUPS = new Set(['agency', 'procedure']);

export function figureFilesView(
  lang: Language,
  request: ReportFilesQueryDto,
  page: ReportFilesPage,
  tree: AgencyTree,
) {
  const scope: DrillDownScope = {
    from: request.from,
    to: request.to,
    agency: request.agency,
    procedure: request.procedure,
    groupBy: request.groupBy,
    group: request.group,
  };
  // The picker keeps the figure and its period; a procedure or an agency's line, which belongs to one
  // agency, only up the path (docs/portal.md, "The agency picker").
  const boundGroup = request.groupBy !== undefined && AGENCY_BOUND_GROUPS.has(request.groupBy);
  const line = { groupBy: request.groupBy, group: request.group };
  const keep = { from: request.from, to: request.to, figure: request.figure, ...(boundGroup ? {} : line) };
  const agencyPicker = agencyPickerView({
    lang,
    tree,
    chosen: request.agency,
    action: PATH,
    keep,
    hidden: Object.keys(keep),
    narrowing: { procedure: request.procedure, ...(boundGroup ? line : {}) },
  });
  const exportOf = (format: string) =>
    `/api/reports/files/export?${searchOf(scope, { figure: request.figure, format, lang }).toString()}`;
  return {
    titleKey: 'drilldown.title',
    figureKey: `drilldown.figure_${request.figure.replace('.', '_')}`,
    period: { from: request.from, to: request.to },
    agencyPicker,
    procedure: request.procedure ?? null,
    groupKey: request.groupBy ? `drilldown.groupBy_${request.groupBy}` : null,
    group: request.group ?? null,
    files: page.files,
    backLink: `/supervisor/dashboard?${searchOf({ from: request.from, to: request.to, agency: request.agency }).toString()}`,
    exports: { csv: exportOf('csv'), xlsx: exportOf('xlsx') },
    firstPage: request.cursor ? drillDownHref(scope, request.figure) : null,
    nextPage: page.nextCursor
      ? `${PATH}?${searchOf(scope, { figure: request.figure, cursor: page.nextCursor }).toString()}`
      : null,
  };
}
