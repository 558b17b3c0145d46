import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import type { Channel } from '@onegate/domain';

import { bigintNumber } from './timestamp.column';

/**
 * One file in one report figure's list: the local date it counts on (for the backlogs, the first date
 * at whose end it counts, and `untilDate` the first at whose end it no longer does) and the event time
 * that put it there (docs/metrics.md, "Drill-down").
 */
@Entity('report_file_entries')
@Index('IDX_report_file_entries_list', [
  'figure',
  'localDate',
  'at',
  'applicationId',
  'agencyId',
  'untilDate',
  'procedureId',
  'channel',
])
@Index('IDX_report_file_entries_agency', [
  'figure',
  'agencyId',
  'localDate',
  'at',
  'applicationId',
  'untilDate',
  'procedureId',
  'channel',
])
export class ReportFileEntry {
  @PrimaryColumn({ name: 'application_id', type: 'varchar', length: 36 })
  public applicationId!: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  public figure!: string;

  @PrimaryColumn({ name: 'local_date', type: 'varchar', length: 10 })
  public localDate!: string;

  @Column({ name: 'until_date', type: 'varchar', length: 10, nullable: true })
  public untilDate!: string | null;

  @Column({ type: 'bigint', transformer: bigintNumber })
  public at!: number;

  @Column({ name: 'agency_id', type: 'varchar', length: 36 })
  public agencyId!: string;

  @Column({ name: 'procedure_id', type: 'varchar', length: 36 })
  public procedureId!: string;

  @Column({ type: 'varchar', length: 8 })
  public channel!: Channel;
}
