import { Injectable, NotFoundException } from '@nestjs/common';
import type { Readable } from 'node:stream';

import type { AuthenticatedUser } from '@onegate/access';
import type { ApplicationState, Language } from '@onegate/domain';
import { hoursOf, StepFileRepository, stepFileTableHeaders, stepFileTableRow } from '@onegate/reporting';
import type {
  BreakdownGrouping,
  ExportFormat,
  ReportCatalogue,
  StepFile,
  StepFileCursor,
  StepFileFigure,
  StepFileQuery,
} from '@onegate/reporting';

import type { StepFilesQueryDto } from './report.query';
import {
  decodedCursor,
  keysetPage,
  EXPORT_BATCH,
  exportedList,
  groupProblem,
  narrowedToGroup,
} from './report-files.service';
import { ReportScopeService } from './report-scope.service';

/** One stretch of a step figure's list, as the API gives it: its file (no applicant's data) and step. */
export interface StepFileDto {
  id: string;
  code: string | null;
  procedure: string | null;
  agency: string | null;
  state: ApplicationState | null;
  step: number;
  stepName: string;
  /** The holding agency's code and role. */
  unit: string | null;
  role: string;
  /** The competent agency's local date of the stretch's end, and the end. */
  countedOn: string;
  countedAt: string;
  hours: number;
  late: boolean;
  latenessHours: number;
  receivedAt: string | null;
  dueAt: string | null;
}

export interface StepFilesPage {
  figure: StepFileFigure;
  from: string;
  to: string;
  agency: string | null;
  procedure: string | null;
  step: number | null;
  stepName: string | null;
  unit: string | null;
  role: string | null;
  groupBy: BreakdownGrouping | null;
  group: string | null;
  stretches: StepFileDto[];
  nextCursor: string | null;
}

/**
 * The stretches behind a step figure (docs/metrics.md, "Drill-down from the step figures"): the step
 * report's scope, narrowed to one step line, unit line or breakdown group, newest first by keyset.
 */
@Injectable()
export class StepFilesService {
  public constructor(
    private readonly scopes: ReportScopeService,
    private readonly files: StepFileRepository,
  ) {}

  public async page(user: AuthenticatedUser, request: StepFilesQueryDto): Promise<StepFilesPage> {
    const { query, catalogue } = await this.resolve(user, request);
    const rows = await this.files.page(query, decodeCursor(request.cursor), request.limit + 1);
    const { items: stretches, nextCursor } = keysetPage(rows, request.limit, (last) => [
      last.date,
      last.at,
      last.applicationId,
      last.stretch,
    ]);
    return {
      figure: request.figure,
      from: request.from,
      to: request.to,
      agency: request.agency ?? null,
      procedure: request.procedure ?? null,
      step: request.step ?? null,
      stepName: request.stepName ?? null,
      unit: request.unit ?? null,
      role: request.role ?? null,
      groupBy: request.groupBy ?? null,
      group: request.groupBy ? (request.group ?? null) : null,
      stretches: stretches.map((file) => dtoOf(file, catalogue)),
      nextCursor,
    };
  }

  /** The whole list as CSV or XLSX, read and written a batch at a time. */
  public async export(
    user: AuthenticatedUser,
    request: StepFilesQueryDto,
    format: ExportFormat,
    lang: Language,
  ): Promise<{ stream: Readable; fileName: string }> {
    const { query, catalogue } = await this.resolve(user, request);
    const step = request.step ? `-${request.step}` : '';
    const unit = request.unit ? `-${request.unit}${request.role ? `-${request.role}` : ''}` : '';
    return exportedList({
      request,
      format,
      lang,
      title: lang === 'vi' ? 'Các lượt xử lý bước' : 'Step stretches',
      headers: stepFileTableHeaders(lang),
      name: `step-files-${request.figure}${request.procedure ? `-${request.procedure}` : ''}${step}${unit}`,
      read: (after: StepFileCursor | null) => this.files.page(query, after, EXPORT_BATCH),
      cursorOf: (file) => file,
      rowOf: (file) => stepFileTableRow(file, catalogue),
    });
  }

  private async resolve(
    user: AuthenticatedUser,
    request: StepFilesQueryDto,
  ): Promise<{ query: StepFileQuery; catalogue: ReportCatalogue }> {
    if (request.groupBy === 'channel') {
      // The step rollups do not keep the channel: the breakdown gives no step figures by it.
      throw groupProblem('groupBy', 'channel has no step figures');
    }
    if (request.stepName !== undefined && request.step === undefined) {
      throw groupProblem('step', 'is required with stepName');
    }
    if (request.role !== undefined && request.unit === undefined) {
      throw groupProblem('unit', 'is required with role');
    }
    const { query, catalogue } = await this.scopes.resolve(user, request);
    let holderAgencyId: string | null = null;
    if (request.unit !== undefined) {
      // A unit is any agency holding a step of the files in scope, inside it or not (a transfer).
      const holder = catalogue.agencyByCode(request.unit);
      if (!holder) throw new NotFoundException(`No agency ${request.unit}`);
      holderAgencyId = holder.id;
    }
    const scoped: StepFileQuery = {
      figure: request.figure,
      from: query.from,
      to: query.to,
      agencyIds: query.agencyIds,
      procedureIds: query.procedureId ? [query.procedureId] : null,
      position: request.step ?? null,
      name: request.stepName ?? null,
      holderAgencyId,
      holderRole: request.role ?? null,
    };
    return { query: narrowedToGroup(scoped, request, catalogue), catalogue };
  }
}

function dtoOf(file: StepFile, catalogue: ReportCatalogue): StepFileDto {
  return {
    id: file.applicationId,
    code: file.code,
    procedure: catalogue.procedure(file.procedureId)?.code ?? null,
    agency: catalogue.agency(file.agencyId)?.code ?? null,
    state: file.state,
    step: file.position,
    stepName: file.name,
    unit: catalogue.agency(file.holderAgencyId)?.code ?? null,
    role: file.holderRole,
    countedOn: file.date,
    countedAt: new Date(file.at).toISOString(),
    hours: hoursOf(file.workingMs),
    late: file.late,
    latenessHours: hoursOf(file.latenessMs),
    receivedAt: file.receivedAt?.toISOString() ?? null,
    dueAt: file.dueAt?.toISOString() ?? null,
  };
}

function decodeCursor(cursor: string | undefined): StepFileCursor | null {
  if (!cursor) return null;
  const [date, at, applicationId, stretch] = decodedCursor(cursor, (others) =>
    others.length === 1 && Number.isSafeInteger(others[0]) && (others[0] as number) >= 0
      ? [others[0] as number]
      : null,
  );
  return { date, at, applicationId, stretch };
}
