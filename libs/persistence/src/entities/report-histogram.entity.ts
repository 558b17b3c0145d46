import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import type { Channel } from '@onegate/domain';

import type { ReportGrain } from './report-rollup.entity';

/**
 * How many durations (turnaround, time in a state) of one local date, month or year fell in each bucket
 * of 0.05 working days, so percentiles over millions of files need no sorting.
 */
@Entity('report_histograms')
@Index('IDX_report_histograms_metric', ['grain', 'metric', 'agencyId', 'period'])
export class ReportHistogram {
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

  /** `turnaround`, or the state whose time it is: `received`, `in_progress`, `supplement_requested`, `decided`. */
  @PrimaryColumn({ type: 'varchar', length: 24 })
  public metric!: string;

  @PrimaryColumn({ type: 'integer' })
  public bucket!: number;

  @Column({ type: 'integer' })
  public count!: number;
}
