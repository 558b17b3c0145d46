import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import { bigintNumber } from './timestamp.column';

/**
 * One ended step stretch of a file, in the lists behind the step figures: the competent agency's local
 * date of its end and its end time, its step and holding unit, and whether it was late (docs/metrics.md,
 * "Drill-down from the step figures").
 */
@Entity('report_step_entries')
@Index('IDX_report_step_entries_list', [
  'localDate',
  'at',
  'applicationId',
  'stretch',
  'agencyId',
  'procedureId',
  'position',
  'holderAgencyId',
  'holderRole',
  'late',
])
@Index('IDX_report_step_entries_agency', [
  'agencyId',
  'localDate',
  'at',
  'applicationId',
  'stretch',
  'procedureId',
  'position',
  'holderAgencyId',
  'holderRole',
  'late',
])
export class ReportStepEntry {
  @PrimaryColumn({ name: 'application_id', type: 'varchar', length: 36 })
  public applicationId!: string;

  /** The stretch's place among the file's stretches (0 first). */
  @PrimaryColumn({ type: 'integer' })
  public stretch!: number;

  @Column({ name: 'local_date', type: 'varchar', length: 10 })
  public localDate!: string;

  @Column({ type: 'bigint', transformer: bigintNumber })
  public at!: number;

  @Column({ name: 'agency_id', type: 'varchar', length: 36 })
  public agencyId!: string;

  @Column({ name: 'procedure_id', type: 'varchar', length: 36 })
  public procedureId!: string;

  @Column({ name: 'step_position', type: 'integer' })
  public position!: number;

  @Column({ name: 'step_name', type: 'varchar', length: 255 })
  public name!: string;

  @Column({ name: 'holder_agency_id', type: 'varchar', length: 36 })
  public holderAgencyId!: string;

  @Column({ name: 'holder_role', type: 'varchar', length: 16 })
  public holderRole!: string;

  /** 1 when the stretch ended after its due time. */
  @Column({ type: 'integer' })
  public late!: number;

  @Column({ name: 'working_ms', type: 'bigint', transformer: bigintNumber })
  public workingMs!: number;

  @Column({ name: 'lateness_ms', type: 'bigint', transformer: bigintNumber })
  public latenessMs!: number;
}
