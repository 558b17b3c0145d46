import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import type { Channel } from '@onegate/domain';

import { bigintNumber } from './timestamp.column';

/** Whether a report row sums one local date (`YYYY-MM-DD`), month (`YYYY-MM`) or year (`YYYY`). */
export type ReportGrain = 'day' | 'month' | 'year';

/**
 * The report figures of one local date (or month, or year) of one competent agency, procedure and
 * submission channel, kept up to date in the transaction that records each event. Backlog columns hold
 * changes (deltas): the backlog at the end of a date is the sum of every delta up to that date.
 */
@Entity('report_rollups')
@Index('IDX_report_rollups_agency', ['agencyId', 'grain', 'period'])
export class ReportRollup {
  @PrimaryColumn({ type: 'varchar', length: 5 })
  public grain!: ReportGrain;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  public period!: string;

  @PrimaryColumn({ name: 'agency_id', type: 'varchar', length: 36 })
  public agencyId!: string;

  @PrimaryColumn({ name: 'procedure_id', type: 'varchar', length: 36 })
  public procedureId!: string;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  public channel!: Channel;

  @Column({ type: 'integer' })
  public received!: number;

  @Column({ type: 'integer' })
  public decided!: number;

  @Column({ name: 'on_time', type: 'integer' })
  public onTime!: number;

  @Column({ type: 'integer' })
  public extended!: number;

  /** Sum of the turnaround times of the decisions, in working milliseconds. */
  @Column({ name: 'turnaround_ms', type: 'bigint', transformer: bigintNumber })
  public turnaroundMs!: number;

  @Column({ type: 'integer' })
  public returned!: number;

  @Column({ name: 'fully_online', type: 'integer' })
  public fullyOnline!: number;

  @Column({ type: 'integer' })
  public refused!: number;

  @Column({ type: 'integer' })
  public withdrawn!: number;

  @Column({ name: 'backlog_delta', type: 'integer' })
  public backlogDelta!: number;

  @Column({ name: 'overdue_delta', type: 'integer' })
  public overdueDelta!: number;

  @Column({ name: 'rating_count', type: 'integer' })
  public ratingCount!: number;

  @Column({ name: 'rating_sum', type: 'integer' })
  public ratingSum!: number;

  @Column({ type: 'integer' })
  public satisfied!: number;
}
