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
  Cell,
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
export const EXPORT_BATCH = 1_000;
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
    const { items: files, nextCursor } = keysetPage(rows, request.limit, cursorValuesOf);
    return {
      figure: request.figure,
      from: request.from,
      to: request.to,
      agency: request.agency ?? null,
      procedure: request.procedure ?? null,
      groupBy: request.groupBy ?? null,
      group: request.groupBy ? (request.group ?? null) : null,
      files: files.map((file) => dtoOf(file, catalogue)),
      nextCursor,
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
    return exportedList({
      request,
      format,
      lang,
      title: lang === 'vi' ? 'Danh sách hồ sơ' : 'Files',
      headers: fileTableHeaders(lang),
      name: `files-${request.figure}`,
      read: (after: FileCursor | null) => this.files.page(query, after, EXPORT_BATCH),
      cursorOf,
      rowOf: (file) => fileTableRow(file, catalogue),
    });
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
    return { query: narrowedToGroup(scoped, request, catalogue), catalogue };
  }
}

/** The scope narrowed to the request's breakdown group, if it names one. */
export function narrowedToGroup<Query extends GroupedScope>(
  query: Query,
  request: { groupBy?: BreakdownGrouping | undefined; group?: string | undefined },
  catalogue: ReportCatalogue,
): Query {
  if (!request.groupBy) {
    if (request.group !== undefined) throw groupProblem('groupBy', 'is required with group');
    return query;
  }
  return inGroup(query, request.groupBy, request.group ?? '', catalogue);
}

/** What a list's download needs: its rows read a batch at a time from a cursor, and its columns. */
export interface ListExport<Item, Cursor> {
  request: { from: string; to: string; groupBy?: string | undefined; group?: string | undefined };
  format: ExportFormat;
  lang: Language;
  title: string;
  headers: string[];
  /** The file name's stem, before the group and the period. */
  name: string;
  read: (after: Cursor | null) => Promise<Item[]>;
  cursorOf: (item: Item) => Cursor;
  rowOf: (item: Item) => Cell[];
}

/** A whole list as CSV or XLSX, read and written a batch at a time (docs/metrics.md, "Drill-down"). */
export function exportedList<Item, Cursor>(
  list: ListExport<Item, Cursor>,
): {
  stream: Readable;
  fileName: string;
} {
  const rows = (async function* () {
    for (let after: Cursor | null = null; ;) {
      const batch = await list.read(after);
      yield batch.map(list.rowOf);
      const last = batch[batch.length - 1];
      if (batch.length < EXPORT_BATCH || !last) return;
      after = list.cursorOf(last);
    }
  })();
  const table = { title: list.title, headers: list.headers, rows };
  const { request } = list;
  const group = request.groupBy && request.group ? `-${request.groupBy}-${request.group}` : '';
  const name = `${list.name}${group}-${request.from}-${request.to}`.replace(/[^\w.-]/g, '_');
  return {
    stream: list.format === 'csv' ? csvStream(table) : xlsxStream(table),
    fileName: `onegate-${name}.${list.format}`,
  };
}

/** The scope a breakdown's group narrows. */
export interface GroupedScope {
  readonly from: string;
  readonly to: string;
  readonly agencyIds: readonly string[] | null;
  readonly procedureIds: readonly string[] | null;
  readonly channel?: Channel | null;
}

/** A breakdown's group, as the breakdown computes it (docs/metrics.md, "Breakdowns"). */
export function inGroup<Query extends GroupedScope>(
  query: Query,
  groupBy: BreakdownGrouping,
  group: string,
  catalogue: ReportCatalogue,
): Query {
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

export function groupProblem(field: string, problem: string) {
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

function cursorValuesOf(file: FigureFile): unknown[] {
  const cursor = cursorOf(file);
  return [cursor.date, cursor.at, cursor.applicationId];
}

/** A page of a list read one row past its size: its rows, and the cursor after them while more follow. */
export function keysetPage<Row>(
  rows: Row[],
  limit: number,
  valuesOf: (row: Row) => readonly unknown[],
): { items: Row[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodedCursor(valuesOf(last)) : null };
}

/** A page's cursor as text: its values, in the list's order. */
export function encodedCursor(values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/**
 * A cursor is text anyone can edit: a local date, a whole number of milliseconds, an id, and whatever
 * else `rest` accepts (the values after those three), or a 400 naming the field.
 */
export function decodedCursor<Rest extends unknown[]>(
  cursor: string,
  rest: (values: unknown[]) => Rest | null,
): [date: string, at: number, id: string, ...rest: Rest] {
  try {
    const [date, at, id, ...others] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    const more = rest(others);
    if (
      typeof date === 'string' &&
      /^\d{4}-\d{2}-\d{2}$/.test(date) &&
      Number.isSafeInteger(at) &&
      typeof id === 'string' &&
      id.length <= 36 &&
      more
    ) {
      return [date, at as number, id, ...more];
    }
  } catch {
    // fall through to the field error
  }
  throw invalidFields([{ field: 'cursor', problems: ['is not a cursor this API gave'] }]);
}

function decodeCursor(cursor: string | undefined): FileCursor | null {
  if (!cursor) return null;
  const [date, at, applicationId] = decodedCursor(cursor, (others) => (others.length === 0 ? [] : null));
  return { date, at, applicationId };
}
