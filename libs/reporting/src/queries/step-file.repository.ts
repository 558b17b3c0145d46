import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import type { ApplicationState } from '@onegate/domain';

import { readReplica, SqlParameters } from '../rollups/sql-parameters';
import { applicationsById, dateOf } from './figure-file.repository';

/**
 * The lists behind the step figures (docs/metrics.md, "Drill-down from the step figures"): every ended
 * stretch, the late ones, and those held by an agency other than the competent one.
 */
export const STEP_FILE_FIGURES = ['stretches', 'late', 'atOtherAgencies'] as const;
export type StepFileFigure = (typeof STEP_FILE_FIGURES)[number];

/** The stretches a step figure counts: its period, agencies and procedures, and the step or unit of its line. */
export interface StepFileQuery {
  readonly figure: StepFileFigure;
  readonly from: string;
  readonly to: string;
  /** Competent agencies (null: all). */
  readonly agencyIds: readonly string[] | null;
  /** Procedures (null: all). */
  readonly procedureIds: readonly string[] | null;
  /** A step line: its position and name (within `procedureIds`). */
  readonly position: number | null;
  readonly name: string | null;
  /** A unit line: the holding agency and role. */
  readonly holderAgencyId: string | null;
  readonly holderRole: string | null;
}

/** Where a page ends: the last stretch's date, end time, file and place among the file's stretches. */
export interface StepFileCursor {
  readonly date: string;
  readonly at: number;
  readonly applicationId: string;
  readonly stretch: number;
}

/** One stretch of a list, with its file as a supervisor sees it in the queue (no applicant's data). */
export interface StepFile extends StepFileCursor {
  readonly code: string | null;
  readonly state: ApplicationState | null;
  readonly agencyId: string;
  readonly procedureId: string;
  readonly position: number;
  readonly name: string;
  readonly holderAgencyId: string;
  readonly holderRole: string;
  readonly late: boolean;
  readonly workingMs: number;
  readonly latenessMs: number;
  readonly receivedAt: Date | null;
  readonly dueAt: Date | null;
}

interface EntryRow {
  application_id: string;
  stretch: number | string;
  local_date: string;
  at: string | number;
  agency_id: string;
  procedure_id: string;
  step_position: number | string;
  step_name: string;
  holder_agency_id: string;
  holder_role: string;
  late: number | string;
  working_ms: string | number;
  lateness_ms: string | number;
}

/** Reads `report_step_entries` (kept with the step rollups), newest first, a keyset page at a time. */
@Injectable()
export class StepFileRepository {
  public constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  public async page(query: StepFileQuery, after: StepFileCursor | null, limit: number): Promise<StepFile[]> {
    const sql = new SqlParameters(this.dataSource.options.type === 'postgres');
    const conditions = [`local_date >= ${sql.add(query.from)}`, `local_date <= ${sql.add(query.to)}`];
    if (query.figure === 'late') conditions.push('late = 1');
    if (query.figure === 'atOtherAgencies') conditions.push('holder_agency_id <> agency_id');
    if (query.agencyIds) conditions.push(sql.isIn('agency_id', query.agencyIds));
    if (query.procedureIds) conditions.push(sql.isIn('procedure_id', query.procedureIds));
    if (query.position !== null) conditions.push(`step_position = ${sql.add(query.position)}`);
    if (query.name !== null) conditions.push(`step_name = ${sql.add(query.name)}`);
    if (query.holderAgencyId !== null) conditions.push(`holder_agency_id = ${sql.add(query.holderAgencyId)}`);
    if (query.holderRole !== null) conditions.push(`holder_role = ${sql.add(query.holderRole)}`);
    if (after) {
      // As the figures' lists: the first condition bounds the index range, the second drops rows read.
      conditions.push(`local_date <= ${sql.add(after.date)}`);
      conditions.push(
        `(local_date, at, application_id, stretch) < (${sql.add(after.date)}, ${sql.add(after.at)}, ${sql.add(
          after.applicationId,
        )}, ${sql.add(after.stretch)})`,
      );
    }
    const entries = await readReplica<EntryRow>(
      this.dataSource,
      `SELECT application_id, stretch, local_date, at, agency_id, procedure_id, step_position, step_name,
         holder_agency_id, holder_role, late, working_ms, lateness_ms
       FROM report_step_entries WHERE ${conditions.join(' AND ')}
       ORDER BY local_date DESC, at DESC, application_id DESC, stretch DESC LIMIT ${sql.add(limit)}`,
      sql.values,
    );
    if (entries.length === 0) return [];
    const byId = await applicationsById(
      this.dataSource,
      entries.map((row) => row.application_id),
    );
    return entries.map((row) => {
      const application = byId.get(row.application_id);
      return {
        applicationId: row.application_id,
        stretch: Number(row.stretch),
        date: row.local_date,
        at: Number(row.at),
        code: application?.code ?? null,
        state: application?.state ?? null,
        agencyId: row.agency_id,
        procedureId: row.procedure_id,
        position: Number(row.step_position),
        name: row.step_name,
        holderAgencyId: row.holder_agency_id,
        holderRole: row.holder_role,
        late: Number(row.late) === 1,
        workingMs: Number(row.working_ms),
        latenessMs: Number(row.lateness_ms),
        receivedAt: dateOf(application?.received_at),
        dueAt: dateOf(application?.due_at),
      };
    });
  }
}
