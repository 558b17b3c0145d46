import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { bulkInsert, inSlices } from '@onegate/persistence';
import type { BulkColumn, BulkInsert } from '@onegate/persistence';

import type { HistogramMetric } from '../figures/histogram';
import type { PeriodRange } from '../figures/period-ranges';
import type { Counters } from '../figures/report-counters';
import { COUNTER_COLUMNS, COUNTER_NAMES, zeroCounters } from '../figures/report-counters';
import type { RollupChanges } from './rollup-changes';
import type { StepCounters, StepRollupKey } from './step-rollup-changes';
import { readReplica, SqlParameters } from './sql-parameters';

/** Which rows a report reads: competent agencies (null: all) and one procedure (null: all). */
export interface RollupScope {
  readonly agencyIds: readonly string[] | null;
  readonly procedureId: string | null;
}

/** What rows are grouped by; null sums everything into one group, `all`. */
export type RollupGrouping = 'agency' | 'procedure' | 'agencyProcedure' | 'channel' | 'month' | null;

export interface GroupSums {
  counters: Counters;
  onlineReceived: number;
}

const KEY_COLUMNS: BulkColumn[] = [
  { name: 'grain', pgType: 'varchar' },
  { name: 'period', pgType: 'varchar' },
  { name: 'agency_id', pgType: 'varchar' },
  { name: 'procedure_id', pgType: 'varchar' },
  { name: 'channel', pgType: 'varchar' },
];
/**
 * Rows a statement writes at most. A live action's few rows go in one; an import's, one slice of them
 * at a time. Large enough that PostgreSQL's work per statement hardly counts.
 */
const SLICE_ROWS = 2_000;
const KEY = '(grain, period, agency_id, procedure_id, channel)';
const GROUP_EXPRESSIONS: { readonly [Grouping in Exclude<RollupGrouping, null>]: string } = {
  agency: 'agency_id',
  procedure: 'procedure_id',
  agencyProcedure: "agency_id || '|' || procedure_id",
  channel: 'channel',
  month: 'substr(period, 1, 7)',
};

const increment = (table: string, column: string) => `${column} = ${table}.${column} + excluded.${column}`;

/** The two tables the rollups add to: their columns and how a row adds to one already there. */
type Upsert = Omit<BulkInsert, 'rows'>;
const ROLLUPS: Upsert = {
  table: 'report_rollups',
  columns: [
    ...KEY_COLUMNS,
    ...COUNTER_NAMES.map((name): BulkColumn => ({
      name: COUNTER_COLUMNS[name],
      pgType: name === 'turnaroundMs' ? 'bigint' : 'integer',
    })),
  ],
  onConflict: `${KEY} DO UPDATE SET ${COUNTER_NAMES.map((name) => increment('report_rollups', COUNTER_COLUMNS[name])).join(', ')}`,
};
const HISTOGRAMS: Upsert = {
  table: 'report_histograms',
  columns: [
    ...KEY_COLUMNS,
    { name: 'metric', pgType: 'varchar' },
    { name: 'bucket', pgType: 'integer' },
    { name: 'count', pgType: 'integer' },
  ],
  onConflict: `(grain, period, agency_id, procedure_id, channel, metric, bucket) DO UPDATE SET ${increment('report_histograms', 'count')}`,
};

const STEP_KEY_COLUMNS = [
  'grain',
  'period',
  'agency_id',
  'procedure_id',
  'step_position',
  'step_name',
  'holder_agency_id',
  'holder_role',
];
const STEP_ROLLUPS: Upsert = {
  table: 'report_step_rollups',
  columns: [
    ...STEP_KEY_COLUMNS.map((name): BulkColumn => ({
      name,
      pgType: name === 'step_position' ? 'integer' : 'varchar',
    })),
    { name: 'stretches', pgType: 'integer' },
    { name: 'working_ms', pgType: 'bigint' },
    { name: 'late', pgType: 'integer' },
    { name: 'lateness_ms', pgType: 'bigint' },
  ],
  onConflict: `(${STEP_KEY_COLUMNS.join(', ')}) DO UPDATE SET ${[
    'stretches',
    'working_ms',
    'late',
    'lateness_ms',
  ]
    .map((column) => increment('report_step_rollups', column))
    .join(', ')}`,
};

const FILE_ENTRIES: Upsert = {
  table: 'report_file_entries',
  columns: [
    { name: 'application_id', pgType: 'varchar' },
    { name: 'figure', pgType: 'varchar' },
    { name: 'local_date', pgType: 'varchar' },
    { name: 'until_date', pgType: 'varchar' },
    { name: 'at', pgType: 'bigint' },
    { name: 'agency_id', pgType: 'varchar' },
    { name: 'procedure_id', pgType: 'varchar' },
    { name: 'channel', pgType: 'varchar' },
  ],
  onConflict: `(application_id, figure, local_date) DO UPDATE SET ${[
    'until_date',
    'at',
    'agency_id',
    'procedure_id',
    'channel',
  ]
    .map((column) => `${column} = excluded.${column}`)
    .join(', ')}`,
};

const STEP_ENTRIES: Upsert = {
  table: 'report_step_entries',
  columns: [
    { name: 'application_id', pgType: 'varchar' },
    { name: 'stretch', pgType: 'integer' },
    { name: 'local_date', pgType: 'varchar' },
    { name: 'at', pgType: 'bigint' },
    { name: 'agency_id', pgType: 'varchar' },
    { name: 'procedure_id', pgType: 'varchar' },
    { name: 'step_position', pgType: 'integer' },
    { name: 'step_name', pgType: 'varchar' },
    { name: 'holder_agency_id', pgType: 'varchar' },
    { name: 'holder_role', pgType: 'varchar' },
    { name: 'late', pgType: 'integer' },
    { name: 'working_ms', pgType: 'bigint' },
    { name: 'lateness_ms', pgType: 'bigint' },
  ],
  onConflict: `(application_id, stretch) DO UPDATE SET ${[
    'local_date',
    'at',
    'agency_id',
    'procedure_id',
    'step_position',
    'step_name',
    'holder_agency_id',
    'holder_role',
    'late',
    'working_ms',
    'lateness_ms',
  ]
    .map((column) => `${column} = excluded.${column}`)
    .join(', ')}`,
};

/** The step sums of one competent agency, procedure, step and holding unit over a report's period. */
export type StepSums = Omit<StepRollupKey, 'grain' | 'period'> &
  StepCounters & {
    /** The month `YYYY-MM` of the rows summed, when the sums are split by month. */
    month?: string;
  };

/** The report rollups: written by every event's transaction, summed by the reports. */
@Injectable()
export class ReportRollupRepository {
  public constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Adds the changes to the rollup rows, creating the rows that do not exist yet: SLICE_ROWS rows a
   * statement at most, in the same order, with `between` (an import's turn for other requests) before each.
   */
  public async apply(
    manager: EntityManager,
    changes: RollupChanges,
    between: () => Promise<void> = async () => {},
  ): Promise<void> {
    const rollupRows = changes
      .rows()
      .map(({ key, counters }) => [
        key.grain,
        key.period,
        key.agencyId,
        key.procedureId,
        key.channel,
        ...COUNTER_NAMES.map((name) => counters[name]),
      ]);
    await upsertInSlices(manager, ROLLUPS, rollupRows, between);
    const histogramRows = changes
      .histograms()
      .map(({ key, metric, bucket, count }) => [
        key.grain,
        key.period,
        key.agencyId,
        key.procedureId,
        key.channel,
        metric,
        bucket,
        count,
      ]);
    await upsertInSlices(manager, HISTOGRAMS, histogramRows, between);
    const stepRows = changes
      .stepRows()
      .map(({ key, counters }) => [
        key.grain,
        key.period,
        key.agencyId,
        key.procedureId,
        key.position,
        key.name,
        key.holderAgencyId,
        key.holderRole,
        counters.stretches,
        counters.workingMs,
        counters.late,
        counters.latenessMs,
      ]);
    await upsertInSlices(manager, STEP_ROLLUPS, stepRows, between);
    const files = changes.fileEntryChanges();
    await this.deleteEntries(
      manager,
      files.removed.map((entry) => ({
        table: 'report_file_entries',
        key: { application_id: entry.applicationId, figure: entry.figure, local_date: entry.date },
      })),
    );
    const entryRows = files.added.map((entry) => [
      entry.applicationId,
      entry.figure,
      entry.date,
      entry.until,
      entry.at,
      entry.agencyId,
      entry.procedureId,
      entry.channel,
    ]);
    await upsertInSlices(manager, FILE_ENTRIES, entryRows, between);
    const steps = changes.stepEntryChanges();
    await this.deleteEntries(
      manager,
      steps.removed.map((entry) => ({
        table: 'report_step_entries',
        key: { application_id: entry.applicationId, stretch: entry.stretch },
      })),
    );
    const stepEntryRows = steps.added.map((entry) => [
      entry.applicationId,
      entry.stretch,
      entry.date,
      entry.at,
      entry.agencyId,
      entry.procedureId,
      entry.position,
      entry.name,
      entry.holderAgencyId,
      entry.holderRole,
      entry.late ? 1 : 0,
      entry.workingMs,
      entry.latenessMs,
    ]);
    await upsertInSlices(manager, STEP_ENTRIES, stepEntryRows, between);
  }

  /** Deletes the list entries that go, by their keys, before the ones that come are written. */
  private async deleteEntries(
    manager: EntityManager,
    removed: readonly { table: string; key: Record<string, unknown> }[],
  ): Promise<void> {
    for (const { table, key } of removed) {
      const sql = new SqlParameters(this.isPostgres);
      const where = Object.entries(key).map(([column, value]) => `${column} = ${sql.add(value)}`);
      await manager.query(`DELETE FROM ${table} WHERE ${where.join(' AND ')}`, sql.values);
    }
  }

  /** Empties the rollups for a rebuild; on PostgreSQL, writers wait until the rebuild commits. */
  public async clearForRebuild(manager: EntityManager): Promise<void> {
    if (manager.connection.options.type === 'postgres') {
      await manager.query(
        'LOCK TABLE report_rollups, report_histograms, report_step_rollups, report_file_entries, report_step_entries IN EXCLUSIVE MODE',
      );
    }
    await manager.query('DELETE FROM report_rollups');
    await manager.query('DELETE FROM report_histograms');
    await manager.query('DELETE FROM report_step_rollups');
    await manager.query('DELETE FROM report_file_entries');
    await manager.query('DELETE FROM report_step_entries');
  }

  /** Counter sums per group over the given ranges of rows. */
  public async sums(
    scope: RollupScope,
    ranges: readonly PeriodRange[],
    grouping: RollupGrouping,
  ): Promise<Map<string, GroupSums>> {
    const sql = new SqlParameters(this.isPostgres);
    const columns = COUNTER_NAMES.map((name) => `SUM(${COUNTER_COLUMNS[name]}) AS ${COUNTER_COLUMNS[name]}`);
    const rows = await this.read<Record<string, string | number | null>>(
      `SELECT ${this.groupColumn(grouping, ranges)}, ${columns.join(', ')},
         SUM(CASE WHEN channel = 'online' THEN received ELSE 0 END) AS online_received
       FROM report_rollups WHERE ${this.where(sql, scope, ranges)}${grouping ? ' GROUP BY 1' : ''}`,
      sql.values,
    );
    const sums = new Map<string, GroupSums>();
    for (const row of rows) {
      const counters = zeroCounters();
      for (const name of COUNTER_NAMES) counters[name] = Number(row[COUNTER_COLUMNS[name]] ?? 0);
      sums.set(String(row.group_key), { counters, onlineReceived: Number(row.online_received ?? 0) });
    }
    return sums;
  }

  /** Histogram counts per group and metric: group → metric → bucket → count. */
  public async histograms(
    scope: RollupScope,
    ranges: readonly PeriodRange[],
    grouping: RollupGrouping,
    metrics: readonly HistogramMetric[],
  ): Promise<Map<string, Map<HistogramMetric, Map<number, number>>>> {
    const sql = new SqlParameters(this.isPostgres);
    const where = this.where(sql, scope, ranges);
    const rows = await this.read<{
      group_key: string;
      metric: HistogramMetric;
      bucket: number;
      count: string;
    }>(
      `SELECT ${this.groupColumn(grouping, ranges)}, metric, bucket, SUM(count) AS count
       FROM report_histograms WHERE ${where} AND ${sql.isIn('metric', metrics)}
       GROUP BY ${grouping ? '1, ' : ''}metric, bucket`,
      sql.values,
    );
    const result = new Map<string, Map<HistogramMetric, Map<number, number>>>();
    for (const row of rows) {
      const group = String(row.group_key);
      const byMetric = result.get(group) ?? new Map<HistogramMetric, Map<number, number>>();
      result.set(group, byMetric);
      const buckets = byMetric.get(row.metric) ?? new Map<number, number>();
      byMetric.set(row.metric, buckets);
      buckets.set(Number(row.bucket), (buckets.get(Number(row.bucket)) ?? 0) + Number(row.count));
    }
    return result;
  }

  /**
   * Step sums per competent agency, procedure, step and holding unit over the given ranges of rows;
   * `byMonth` also splits them by the month of their rows (which must then be days and months).
   */
  public async stepSums(
    scope: RollupScope,
    ranges: readonly PeriodRange[],
    byMonth = false,
  ): Promise<StepSums[]> {
    const sql = new SqlParameters(this.isPostgres);
    const month = byMonth ? `${this.groupColumn('month', ranges)}, ` : '';
    const rows = await this.read<Record<string, string | number>>(
      `SELECT ${month}agency_id, procedure_id, step_position, step_name, holder_agency_id, holder_role,
         SUM(stretches) AS stretches, SUM(working_ms) AS working_ms, SUM(late) AS late,
         SUM(lateness_ms) AS lateness_ms
       FROM report_step_rollups WHERE ${this.where(sql, scope, ranges)}
       GROUP BY ${byMonth ? 'group_key, ' : ''}agency_id, procedure_id, step_position, step_name, holder_agency_id, holder_role`,
      sql.values,
    );
    return rows
      .map((row) => ({
        ...(byMonth ? { month: String(row.group_key) } : {}),
        agencyId: String(row.agency_id),
        procedureId: String(row.procedure_id),
        position: Number(row.step_position),
        name: String(row.step_name),
        holderAgencyId: String(row.holder_agency_id),
        holderRole: String(row.holder_role),
        stretches: Number(row.stretches),
        workingMs: Number(row.working_ms),
        late: Number(row.late),
        latenessMs: Number(row.lateness_ms),
      }))
      .filter((sums) => sums.stretches !== 0);
  }

  private get isPostgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  private groupColumn(grouping: RollupGrouping, ranges: readonly PeriodRange[]): string {
    if (grouping === 'month' && ranges.some((range) => range.grain === 'year')) {
      throw new Error('Sums by month cannot read yearly rows');
    }
    return `${grouping ? GROUP_EXPRESSIONS[grouping] : "'all'"} AS group_key`;
  }

  private where(sql: SqlParameters, scope: RollupScope, ranges: readonly PeriodRange[]): string {
    const periods = ranges.map(
      (range) =>
        `(grain = ${sql.add(range.grain)} AND period >= ${sql.add(range.from)} AND period <= ${sql.add(range.to)})`,
    );
    const conditions = [periods.length > 0 ? `(${periods.join(' OR ')})` : '1 = 0'];
    if (scope.agencyIds) conditions.push(sql.isIn('agency_id', scope.agencyIds));
    if (scope.procedureId) conditions.push(`procedure_id = ${sql.add(scope.procedureId)}`);
    return conditions.join(' AND ');
  }

  private read<T>(query: string, parameters: unknown[]): Promise<T[]> {
    return readReplica<T>(this.dataSource, query, parameters);
  }
}

function upsertInSlices(
  manager: EntityManager,
  upsert: Upsert,
  rows: readonly (readonly unknown[])[],
  between: () => Promise<void>,
): Promise<void> {
  return inSlices(rows, SLICE_ROWS, between, (slice) => bulkInsert(manager, { ...upsert, rows: slice }));
}
