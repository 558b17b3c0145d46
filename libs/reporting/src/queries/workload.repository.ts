import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { readReplica, SqlParameters } from '../rollups/sql-parameters';

/** Open files: neither drafts nor finished (the staff queue's default, docs/metrics.md, "Workload"). */
export const OPEN_FILE = `a.state NOT IN ('draft', 'returned', 'refused', 'withdrawn')`;

/** Open files counted together: by holder, step and holding agency, with those past their due time. */
export interface WorkloadCell {
  readonly assigneeId: string | null;
  readonly stepId: string | null;
  readonly holdingAgencyId: string;
  readonly open: number;
  readonly overdue: number;
}

/** A step's place and names, for a workload line. */
export interface WorkloadStep {
  readonly id: string;
  readonly procedureId: string;
  readonly position: number;
  readonly nameVi: string;
  readonly nameEn: string;
}

/** An open file and its last event: the longest without one are the most stalled. */
export interface StalledFile {
  readonly applicationId: string;
  readonly code: string | null;
  readonly competentAgencyId: string;
  readonly state: string;
  readonly lastEvent: string;
  readonly lastEventAt: Date;
}

interface CellRow {
  assignee_id: string | null;
  step_id: string | null;
  holding_agency_id: string;
  open: string | number;
  overdue: string | number | null;
}

/**
 * Reads the open files of some competent agencies, live, counted per holder, step and holding agency
 * (docs/metrics.md, "Workload"); the open-files index keeps it to the open files alone.
 */
@Injectable()
export class WorkloadRepository {
  public constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  public async cells(agencyIds: readonly string[] | null, now: Date): Promise<WorkloadCell[]> {
    const sql = new SqlParameters(this.dataSource.options.type === 'postgres');
    // Placeholders in the order of the statement's text: the count's first, then the filter's.
    const overdue = `a.state <> 'supplement_requested' AND a.due_at < ${sql.add(now.getTime())}`;
    const conditions = [OPEN_FILE];
    if (agencyIds) conditions.push(sql.isIn('a.competent_agency_id', agencyIds));
    const rows = await readReplica<CellRow>(
      this.dataSource,
      `SELECT a.assignee_id, a.step_id, COALESCE(a.step_agency_id, a.competent_agency_id) AS holding_agency_id,
              COUNT(*) AS open, SUM(CASE WHEN ${overdue} THEN 1 ELSE 0 END) AS overdue
       FROM applications a WHERE ${conditions.join(' AND ')}
       GROUP BY a.assignee_id, a.step_id, COALESCE(a.step_agency_id, a.competent_agency_id)`,
      sql.values,
    );
    return rows.map((row) => ({
      assigneeId: row.assignee_id,
      stepId: row.step_id,
      holdingAgencyId: row.holding_agency_id,
      open: Number(row.open),
      overdue: Number(row.overdue ?? 0),
    }));
  }

  /** The names of the holders (id → full name). */
  public async holderNames(ids: readonly string[]): Promise<Map<string, string>> {
    const sql = new SqlParameters(this.dataSource.options.type === 'postgres');
    const rows = await readReplica<{ id: string; full_name: string }>(
      this.dataSource,
      `SELECT id, full_name FROM users WHERE ${sql.isIn('id', ids)}`,
      sql.values,
    );
    return new Map(rows.map((row) => [row.id, row.full_name]));
  }

  /** The steps' places and names. */
  public async steps(ids: readonly string[]): Promise<WorkloadStep[]> {
    const sql = new SqlParameters(this.dataSource.options.type === 'postgres');
    const rows = await readReplica<{
      id: string;
      procedure_id: string;
      position: string | number;
      name_vi: string;
      name_en: string;
    }>(
      this.dataSource,
      `SELECT id, procedure_id, position, name_vi, name_en FROM procedure_steps WHERE ${sql.isIn('id', ids)}`,
      sql.values,
    );
    return rows.map((row) => ({
      id: row.id,
      procedureId: row.procedure_id,
      position: Number(row.position),
      nameVi: row.name_vi,
      nameEn: row.name_en,
    }));
  }

  /** The `limit` open files whose last event is the oldest, oldest first (docs/metrics.md, "Stalled files"). */
  public async stalled(agencyIds: readonly string[] | null, limit: number): Promise<StalledFile[]> {
    const sql = new SqlParameters(this.dataSource.options.type === 'postgres');
    const conditions = [OPEN_FILE];
    if (agencyIds) conditions.push(sql.isIn('a.competent_agency_id', agencyIds));
    const rows = await readReplica<{
      id: string;
      code: string | null;
      competent_agency_id: string;
      state: string;
      type: string;
      at: string | number;
    }>(
      this.dataSource,
      `SELECT a.id, a.code, a.competent_agency_id, a.state, e.type, e.at
       FROM applications a JOIN application_events e ON e.application_id = a.id
       WHERE ${conditions.join(' AND ')}
         AND e.sequence = (SELECT MAX(l.sequence) FROM application_events l WHERE l.application_id = a.id)
       ORDER BY e.at ASC, a.id ASC LIMIT ${sql.add(limit)}`,
      sql.values,
    );
    return rows.map((row) => ({
      applicationId: row.id,
      code: row.code,
      competentAgencyId: row.competent_agency_id,
      state: row.state,
      lastEvent: row.type,
      lastEventAt: new Date(Number(row.at)),
    }));
  }
}
