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

  /** Service index (docs/decision-766.md, 2a): decided on time with at most one supplement request. */
  @Column({ name: 'index_on_time', type: 'integer', default: 0 })
  public indexOnTime!: number;

  /** Service index, 2a: change of the open files late by the index's rule (a delta, like the backlog). */
  @Column({ name: 'index_late_open_delta', type: 'integer', default: 0 })
  public indexLateOpenDelta!: number;

  /** Service index, 3e: received files owing a fee above 0. */
  @Column({ name: 'fee_bearing', type: 'integer', default: 0 })
  public feeBearing!: number;

  /** Service index, 3e: of those, the files paid online. */
  @Column({ name: 'paid_online', type: 'integer', default: 0 })
  public paidOnline!: number;

  /** Service index, 4a: decided files whose result was signed digitally. */
  @Column({ name: 'signed_online', type: 'integer', default: 0 })
  public signedOnline!: number;

  /** Service index, 5c: returned files rated 1 or 2. */
  @Column({ type: 'integer', default: 0 })
  public dissatisfied!: number;

  /** Service index, 4b: received files with a digital document and, once decided, an electronic result. */
  @Column({ type: 'integer', default: 0 })
  public digitised!: number;

  /** Service index, 4c: received files with a document reused from the citizen's store. */
  @Column({ type: 'integer', default: 0 })
  public reused!: number;
}
