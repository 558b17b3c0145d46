import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import type { ApplicationState, Channel } from '@onegate/domain';

import type { DrillDownFigure } from '../figures/figure-files';
import { DRILL_DOWNS, STANDING_FIGURES } from '../figures/figure-files';
import { readReplica, SqlParameters } from '../rollups/sql-parameters';

/** Where a page of a list ends: the last file's date, event time and id (newest first). */
export interface FileCursor {
  readonly date: string;
  readonly at: number;
  readonly applicationId: string;
}

/** The files a figure counts in a scope: the same period, agencies, procedures and channel as the figure. */
export interface FigureFileQuery {
  readonly figure: DrillDownFigure;
  readonly from: string;
  readonly to: string;
  /** Competent agencies (null: all). */
  readonly agencyIds: readonly string[] | null;
  /** Procedures (null: all). */
  readonly procedureIds: readonly string[] | null;
  readonly channel: Channel | null;
}

/** One file of a list, with what a supervisor sees of it in the queue (no applicant's data). */
export interface FigureFile {
  readonly applicationId: string;
  readonly code: string | null;
  readonly agencyId: string;
  readonly procedureId: string;
  readonly channel: Channel;
  readonly state: ApplicationState | null;
  /** The local date it counts on, and the event time that put it in the figure. */
  readonly date: string;
  readonly at: Date;
  readonly receivedAt: Date | null;
  readonly decidedAt: Date | null;
  readonly dueAt: Date | null;
}

interface EntryRow {
  application_id: string;
  local_date: string;
  at: string | number;
  agency_id: string;
  procedure_id: string;
  channel: Channel;
}

export interface ApplicationRow {
  id: string;
  code: string | null;
  state: ApplicationState;
  received_at: string | number | null;
  decided_at: string | number | null;
  due_at: string | number | null;
}

/**
 * Reads the figures' file lists (`report_file_entries`, kept with the rollups), newest first, a keyset
 * page at a time (docs/metrics.md, "Drill-down").
 */
@Injectable()
export class FigureFileRepository {
  public constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Up to `limit` files after `after` (or from the newest), in the order (date, time, id) descending. */
  public async page(query: FigureFileQuery, after: FileCursor | null, limit: number): Promise<FigureFile[]> {
    const postgres = this.dataSource.options.type === 'postgres';
    const sql = new SqlParameters(postgres);
    const { entries: figures, ...rest } = DRILL_DOWNS[query.figure];
    const channel = 'channel' in rest ? rest.channel : null;
    const lists = figures.map((entry) =>
      STANDING_FIGURES.includes(entry)
        ? // Counted at the end of `to`: there since that date or before, and not gone by its end.
          `(figure = ${sql.add(entry)} AND local_date <= ${sql.add(query.to)} AND (until_date IS NULL OR until_date > ${sql.add(query.to)}))`
        : `(figure = ${sql.add(entry)} AND local_date >= ${sql.add(query.from)} AND local_date <= ${sql.add(query.to)})`,
    );
    const conditions = [lists.length === 1 ? lists[0]! : `(${lists.join(' OR ')})`];
    if (query.agencyIds) conditions.push(sql.isIn('agency_id', query.agencyIds));
    if (query.procedureIds) conditions.push(sql.isIn('procedure_id', query.procedureIds));
    for (const wanted of [channel, query.channel]) {
      if (wanted) conditions.push(`channel = ${sql.add(wanted)}`);
    }
    if (after) {
      // The first condition alone bounds an index range that ends at the cursor; the second drops the
      // rows already read.
      conditions.push(`local_date <= ${sql.add(after.date)}`);
      conditions.push(
        `(local_date, at, application_id) < (${sql.add(after.date)}, ${sql.add(after.at)}, ${sql.add(after.applicationId)})`,
      );
    }
    const entries = await readReplica<EntryRow>(
      this.dataSource,
      `SELECT application_id, local_date, at, agency_id, procedure_id, channel FROM report_file_entries
       WHERE ${conditions.join(' AND ')}
       ORDER BY local_date DESC, at DESC, application_id DESC LIMIT ${sql.add(limit)}`,
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
        code: application?.code ?? null,
        agencyId: row.agency_id,
        procedureId: row.procedure_id,
        channel: row.channel,
        state: application?.state ?? null,
        date: row.local_date,
        at: new Date(Number(row.at)),
        receivedAt: dateOf(application?.received_at),
        decidedAt: dateOf(application?.decided_at),
        dueAt: dateOf(application?.due_at),
      };
    });
  }
}

/** What a list shows of its files, read by their ids (none of the applicant's data). */
export async function applicationsById(
  dataSource: DataSource,
  ids: readonly string[],
): Promise<Map<string, ApplicationRow>> {
  const sql = new SqlParameters(dataSource.options.type === 'postgres');
  const applications = await readReplica<ApplicationRow>(
    dataSource,
    `SELECT id, code, state, received_at, decided_at, due_at FROM applications WHERE ${sql.isIn('id', ids)}`,
    sql.values,
  );
  return new Map(applications.map((row) => [row.id, row]));
}

export function dateOf(value: string | number | null | undefined): Date | null {
  return value === null || value === undefined ? null : new Date(Number(value));
}
