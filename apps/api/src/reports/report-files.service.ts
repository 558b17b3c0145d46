import { Injectable, NotFoundException } from '@nestjs/common';
import type { Readable } from 'node:stream';

import type { AuthenticatedUser } from '@onegate/access';
import { addDays } from '@onegate/domain';
import type { ApplicationState, Channel, Language } from '@onegate/domain';
import { invalidFields } from '@onegate/platform';
import {
  csvStream,
  FigureFileRepository,
  fileTableHeaders,
  fileTableRow,
  xlsxStream,
} from '@onegate/reporting';
import type {
  BreakdownGrouping,
  DrillDownFigure,
  ExportFormat,
  FigureFile,
  FigureFileQuery,
  FileCursor,
  ReportCatalogue,
} from '@onegate/reporting';

import type { ReportFilesQueryDto } from './report.query';
import { ReportScopeService } from './report-scope.service';

/** One file of a figure's list, as the API gives it: no applicant's data. */
export interface ReportFileDto {
  id: string;
  code: string | null;
  procedure: string | null;
  agency: string | null;
  channel: Channel;
  state: ApplicationState | null;
  /** The local date it counts on, and the event time that put it in the figure. */
  countedOn: string;
  countedAt: string;
  receivedAt: string | null;
  dueAt: string | null;
  decidedAt: string | null;
}

export interface ReportFilesPage {
  figure: DrillDownFigure;
  from: string;
  to: string;
  agency: string | null;
  procedure: string | null;
  groupBy: BreakdownGrouping | null;
  group: string | null;
  files: ReportFileDto[];
  nextCursor: string | null;
}

/** Rows read a statement at a time while an export streams the whole list. */
const EXPORT_BATCH = 1_000;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The files behind a figure (docs/metrics.md, "Drill-down"), with the figure's scope: the same access
 * rules as the reports, and one group of a breakdown narrowed as the breakdown computes it.
 */
@Injectable()
export class ReportFilesService {
  public constructor(
    private readonly scopes: ReportScopeService,
    private readonly files: FigureFileRepository,
  ) {}

  public async page(user: AuthenticatedUser, request: ReportFilesQueryDto): Promise<ReportFilesPage> {
    const { query, catalogue } = await this.resolve(user, request);
    const rows = await this.files.page(query, decodeCursor(request.cursor), request.limit + 1);
    const files = rows.slice(0, request.limit);
    const last = files[files.length - 1];
    return {
      figure: request.figure,
      from: request.from,
      to: request.to,
      agency: request.agency ?? null,
      procedure: request.procedure ?? null,
      groupBy: request.groupBy ?? null,
      group: request.groupBy ? (request.group ?? null) : null,
      files: files.map((file) => dtoOf(file, catalogue)),
      nextCursor: rows.length > request.limit && last ? encodeCursor(last) : null,
    };
  }

  /** The whole list as CSV or XLSX, read and written a batch at a time. */
  public async export(
    user: AuthenticatedUser,
    request: ReportFilesQueryDto,
    format: ExportFormat,
    lang: Language,
  ): Promise<{ stream: Readable; fileName: string }> {
    const { query, catalogue } = await this.resolve(user, request);
    const files = this.files;
    const rows = (async function* () {
      for (let after: FileCursor | null = null; ;) {
        const batch = await files.page(query, after, EXPORT_BATCH);
        yield batch.map((file) => fileTableRow(file, catalogue));
        const last = batch[batch.length - 1];
        if (batch.length < EXPORT_BATCH || !last) return;
        after = cursorOf(last);
      }
    })();
    const table = {
      title: lang === 'vi' ? 'Danh sách hồ sơ' : 'Files',
      headers: fileTableHeaders(lang),
      rows,
    };
    const group = request.groupBy && request.group ? `-${request.groupBy}-${request.group}` : '';
    const name = `files-${request.figure}${group}-${request.from}-${request.to}`.replace(/[^\w.-]/g, '_');
    return {
      stream: format === 'csv' ? csvStream(table) : xlsxStream(table),
      fileName: `onegate-${name}.${format}`,
    };
  }

  private async resolve(
    user: AuthenticatedUser,
    request: ReportFilesQueryDto,
  ): Promise<{ query: FigureFileQuery; catalogue: ReportCatalogue }> {
    const { query, catalogue } = await this.scopes.resolve(user, request);
    const scoped: FigureFileQuery = {
      figure: request.figure,
      from: query.from,
      to: query.to,
      agencyIds: query.agencyIds,
      procedureIds: query.procedureId ? [query.procedureId] : null,
      channel: null,
    };
    if (!request.groupBy) {
      if (request.group !== undefined) throw groupProblem('groupBy', 'is required with group');
      return { query: scoped, catalogue };
    }
    return { query: inGroup(scoped, request.groupBy, request.group ?? '', catalogue), catalogue };
  }
}

/** A breakdown's group, as the breakdown computes it (docs/metrics.md, "Breakdowns"). */
function inGroup(
  query: FigureFileQuery,
  groupBy: BreakdownGrouping,
  group: string,
  catalogue: ReportCatalogue,
): FigureFileQuery {
  switch (groupBy) {
    case 'agency': {
      const agency = catalogue.agencyByCode(group);
      if (!agency || (query.agencyIds && !query.agencyIds.includes(agency.id))) {
        throw new NotFoundException(`No agency ${group} among the agencies you report on`);
      }
      // A breakdown's agency line counts the agency itself, not the agencies below it.
      return { ...query, agencyIds: [agency.id] };
    }
    case 'procedure': {
      const procedure = catalogue.procedureByCode(group);
      if (!procedure || (query.agencyIds && !query.agencyIds.includes(procedure.agencyId))) {
        throw new NotFoundException(`No procedure ${group} among the procedures you report on`);
      }
      return { ...query, procedureIds: within(query.procedureIds, [procedure.id]) };
    }
    case 'field': {
      const ids = catalogue
        .procedures()
        .filter((procedure) => procedure.field === group)
        .map((procedure) => procedure.id);
      return { ...query, procedureIds: within(query.procedureIds, ids) };
    }
    case 'month': {
      if (!MONTH.test(group)) throw groupProblem('group', 'must be a month YYYY-MM with groupBy=month');
      const last = addDays(`${nextMonth(group)}-01`, -1);
      const from = query.from > `${group}-01` ? query.from : `${group}-01`;
      const to = query.to < last ? query.to : last;
      if (from > to)
        throw groupProblem('group', `must be a month of the period ${query.from} to ${query.to}`);
      return { ...query, from, to };
    }
    case 'channel':
      if (group !== 'online' && group !== 'offline') {
        throw groupProblem('group', 'must be online or offline with groupBy=channel');
      }
      return { ...query, channel: group };
  }
}

function within(current: readonly string[] | null, ids: readonly string[]): string[] {
  return current ? ids.filter((id) => current.includes(id)) : [...ids];
}

function nextMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
}

function groupProblem(field: string, problem: string) {
  return invalidFields([{ field, problems: [`${field} ${problem}`] }]);
}

function dtoOf(file: FigureFile, catalogue: ReportCatalogue): ReportFileDto {
  return {
    id: file.applicationId,
    code: file.code,
    procedure: catalogue.procedure(file.procedureId)?.code ?? null,
    agency: catalogue.agency(file.agencyId)?.code ?? null,
    channel: file.channel,
    state: file.state,
    countedOn: file.date,
    countedAt: file.at.toISOString(),
    receivedAt: file.receivedAt?.toISOString() ?? null,
    dueAt: file.dueAt?.toISOString() ?? null,
    decidedAt: file.decidedAt?.toISOString() ?? null,
  };
}

function cursorOf(file: FigureFile): FileCursor {
  return { date: file.date, at: file.at.getTime(), applicationId: file.applicationId };
}

function encodeCursor(file: FigureFile): string {
  const cursor = cursorOf(file);
  return Buffer.from(JSON.stringify([cursor.date, cursor.at, cursor.applicationId])).toString('base64url');
}

/** A cursor is text anyone can edit: a local date, a whole number of milliseconds and an id. */
function decodeCursor(cursor: string | undefined): FileCursor | null {
  if (!cursor) return null;
  try {
    const [date, at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    if (
      typeof date === 'string' &&
      /^\d{4}-\d{2}-\d{2}$/.test(date) &&
      Number.isSafeInteger(at) &&
      typeof id === 'string' &&
      id.length <= 36
    ) {
      return { date, at: at as number, applicationId: id };
    }
  } catch {
    // fall through to the field error
  }
  throw invalidFields([{ field: 'cursor', problems: ['is not a cursor this API gave'] }]);
}
