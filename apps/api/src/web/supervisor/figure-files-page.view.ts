import type { Language } from '@onegate/domain';

import type { DrillDownQueryDto, ReportFilesQueryDto, StepFilesQueryDto } from '../../reports/report.query';
import type { ReportFilesPage } from '../../reports/report-files.service';
import type { AgencyTree } from './agency-picker.view';
import { agencyPickerView } from './agency-picker.view';
import type { StepFilesPage } from '../../reports/step-files.service';

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
const STEP_PATH = '/supervisor/dashboard/files/steps';

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

/** A step line (`step`, `stepName` and its `procedure`) or a unit line (`unit` and `role`) of the step report. */
export type StepLineScope = Record<string, string>;

/** The stretches behind a step figure in a scope (docs/metrics.md, "Drill-down from the step figures"). */
export function stepDrillDownHref(scope: DrillDownScope, figure: string, line: StepLineScope = {}): string {
  return `${STEP_PATH}?${searchOf({ ...scope, ...line }, { figure }).toString()}`;
}

/** The links of a step line's figures: its stretches (and their hours) and its late stretches. */
export function stepLinks(scope: DrillDownScope, line: StepLineScope = {}) {
  return {
    stretches: stepDrillDownHref(scope, 'stretches', line),
    late: stepDrillDownHref(scope, 'late', line),
    atOtherAgencies: stepDrillDownHref(scope, 'atOtherAgencies', line),
  };
}

/** The links of the figures a dashboard row shows, each to the files it counts. */
export function figureLinks(scope: DrillDownScope) {
  const link = (figure: string) => drillDownHref(scope, figure);
  return {
    steps: scope.groupBy === 'channel' ? null : stepLinks(scope),
    received: link('received'),
    decided: link('decided'),
    onTimeRate: link('onTimeRate'),
    fullyOnlineShare: link('fullyOnlineShare'),
    turnaroundDays: link('turnaroundDays'),
    backlog: link('backlog'),
    overdueBacklog: link('overdueBacklog'),
  };
}

/** The scope a list's request carries. */
function scopeOf(request: DrillDownQueryDto): DrillDownScope {
  return {
    from: request.from,
    to: request.to,
    agency: request.agency,
    procedure: request.procedure,
    groupBy: request.groupBy,
    group: request.group,
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
  const scope = scopeOf(request);
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
    figureKey: `drilldown.figure_${request.figure.replaceAll('.', '_')}`,
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

export function stepFilesView(lang: Language, request: StepFilesQueryDto, page: StepFilesPage) {
  const scope = scopeOf(request);
  const line: StepLineScope = {};
  for (const [name, value] of Object.entries({
    step: request.step === undefined ? undefined : String(request.step),
    stepName: request.stepName,
    unit: request.unit,
    role: request.role,
  })) {
    if (value !== undefined) line[name] = value;
  }
  const exportOf = (format: string) =>
    `/api/reports/steps/files/export?${searchOf({ ...scope, ...line }, { figure: request.figure, format, lang }).toString()}`;
  return {
    titleKey: 'drilldown.stepTitle',
    figureKey: `drilldown.step_${request.figure}`,
    period: { from: request.from, to: request.to },
    agency: request.agency ?? null,
    procedure: request.procedure ?? null,
    step: request.step === undefined ? null : { position: request.step, name: request.stepName ?? null },
    unit: request.unit
      ? { agency: request.unit, roleKey: request.role ? roleKeyOf(request.role) : null }
      : null,
    groupKey: request.groupBy ? `drilldown.groupBy_${request.groupBy}` : null,
    group: request.group ?? null,
    stretches: page.stretches.map((stretch) => ({ ...stretch, roleKey: roleKeyOf(stretch.role) })),
    backLink: `/supervisor/dashboard?${searchOf({ from: request.from, to: request.to, agency: request.agency }).toString()}`,
    exports: { csv: exportOf('csv'), xlsx: exportOf('xlsx') },
    firstPage: request.cursor ? stepDrillDownHref(scope, request.figure, line) : null,
    nextPage: page.nextCursor
      ? `${STEP_PATH}?${searchOf({ ...scope, ...line }, { figure: request.figure, cursor: page.nextCursor }).toString()}`
      : null,
  };
}

/** The words of a holding role. */
export const roleKeyOf = (role: string) =>
  role === 'supervisor' ? 'dashboard.roleSupervisor' : 'dashboard.roleClerk';
