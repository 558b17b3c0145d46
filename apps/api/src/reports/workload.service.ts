import { Injectable } from '@nestjs/common';

import type { AuthenticatedUser } from '@onegate/access';
import { WorkingCalendarService } from '@onegate/applications';
import { WORKING_HOURS_PER_DAY } from '@onegate/domain';
import { AgencyRepository } from '@onegate/persistence';
import { Clock } from '@onegate/platform';
import { WorkloadRepository } from '@onegate/reporting';
import type { WorkloadCell } from '@onegate/reporting';

import { ReportScopeService } from './report-scope.service';

/** One line of the workload: its open files and those past their due time. */
export interface WorkloadLine {
  open: number;
  overdue: number;
}

export interface WorkloadReport {
  agency: string | null;
  at: string;
  /** Per holder; `assigneeId` null for the files nobody holds. */
  clerks: (WorkloadLine & { assigneeId: string | null; name: string | null })[];
  /** Per step of a procedure; `stepId` null for files of procedures without steps. */
  steps: (WorkloadLine & {
    stepId: string | null;
    procedure: string | null;
    position: number | null;
    name: { vi: string; en: string } | null;
  })[];
  /** Per holding agency (the agency holding the current step, else the competent one). */
  units: (WorkloadLine & { agency: string; name: { vi: string; en: string } })[];
}

/** The open files longest without an event (docs/metrics.md, "Stalled files"). */
export interface StalledReport {
  agency: string | null;
  at: string;
  files: {
    applicationId: string;
    code: string | null;
    agency: string;
    state: string;
    lastEvent: string;
    lastEventAt: string;
    /** Working days since the last event, on the competent agency's calendar. */
    workingDays: number;
  }[];
}

/** How many stalled files the report lists. */
export const STALLED_FILES = 20;

/** Overdue first, then the most open files, then the key: the order of every workload table. */
const worstFirst = <T extends WorkloadLine>(lines: T[], key: (line: T) => string) =>
  lines.sort((a, b) => b.overdue - a.overdue || b.open - a.open || key(a).localeCompare(key(b)));

function sum<K>(cells: WorkloadCell[], keyOf: (cell: WorkloadCell) => K): Map<K, WorkloadLine> {
  const lines = new Map<K, WorkloadLine>();
  for (const cell of cells) {
    const line = lines.get(keyOf(cell)) ?? { open: 0, overdue: 0 };
    line.open += cell.open;
    line.overdue += cell.overdue;
    lines.set(keyOf(cell), line);
  }
  return lines;
}

/** The open files now, per clerk, step and holding agency (docs/metrics.md, "Workload"). */
@Injectable()
export class WorkloadService {
  public constructor(
    private readonly scopes: ReportScopeService,
    private readonly workload: WorkloadRepository,
    private readonly clock: Clock,
    private readonly agencies: AgencyRepository,
    private readonly calendars: WorkingCalendarService,
  ) {}

  public async stalled(user: AuthenticatedUser, agency: string | undefined): Promise<StalledReport> {
    const now = this.clock.now();
    const today = now.toISOString().slice(0, 10);
    const { query, catalogue } = await this.scopes.resolve(user, { from: today, to: today, agency });
    const files = await this.workload.stalled(query.agencyIds, STALLED_FILES);
    const agencies = await this.agencies.findByIds([...new Set(files.map((file) => file.competentAgencyId))]);
    const calendars = new Map(
      await Promise.all(
        agencies.map(async (item) => [item.id, await this.calendars.calendarFor(item)] as const),
      ),
    );
    return {
      agency: agency ?? null,
      at: now.toISOString(),
      files: files.map((file) => {
        const calendar = calendars.get(file.competentAgencyId);
        const hours = calendar ? calendar.workingTimeBetween(file.lastEventAt, now) : 0;
        return {
          applicationId: file.applicationId,
          code: file.code,
          agency: catalogue.agency(file.competentAgencyId)?.code ?? file.competentAgencyId,
          state: file.state,
          lastEvent: file.lastEvent,
          lastEventAt: file.lastEventAt.toISOString(),
          workingDays: Math.round((hours / WORKING_HOURS_PER_DAY) * 10) / 10,
        };
      }),
    };
  }

  public async report(user: AuthenticatedUser, agency: string | undefined): Promise<WorkloadReport> {
    const now = this.clock.now();
    const today = now.toISOString().slice(0, 10);
    const { query, catalogue } = await this.scopes.resolve(user, { from: today, to: today, agency });
    const cells = await this.workload.cells(query.agencyIds, now);
    const byClerk = sum(cells, (cell) => cell.assigneeId);
    const byStep = sum(cells, (cell) => cell.stepId);
    const byUnit = sum(cells, (cell) => cell.holdingAgencyId);
    const names = await this.workload.holderNames([...byClerk.keys()].filter((id) => id !== null));
    const steps = new Map(
      (await this.workload.steps([...byStep.keys()].filter((id) => id !== null))).map((step) => [
        step.id,
        step,
      ]),
    );
    return {
      agency: agency ?? null,
      at: now.toISOString(),
      clerks: worstFirst(
        [...byClerk].map(([assigneeId, line]) => ({
          assigneeId,
          name: assigneeId ? (names.get(assigneeId) ?? null) : null,
          ...line,
        })),
        (line) => line.name ?? '',
      ),
      steps: worstFirst(
        [...byStep].map(([stepId, line]) => {
          const step = stepId ? steps.get(stepId) : undefined;
          return {
            stepId,
            procedure: step ? (catalogue.procedure(step.procedureId)?.code ?? null) : null,
            position: step?.position ?? null,
            name: step ? { vi: step.nameVi, en: step.nameEn } : null,
            ...line,
          };
        }),
        (line) => `${line.procedure ?? ''}/${line.position ?? 0}`,
      ),
      units: worstFirst(
        [...byUnit].map(([agencyId, line]) => {
          const unit = catalogue.agency(agencyId);
          return {
            agency: unit?.code ?? agencyId,
            name: { vi: unit?.nameVi ?? '', en: unit?.nameEn ?? '' },
            ...line,
          };
        }),
        (line) => line.agency,
      ),
    };
  }
}
