import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import type { ReportGrain } from './report-rollup.entity';
import { bigintNumber } from './timestamp.column';

/**
 * The step stretches that ended on one local date (or month, or year) of one competent agency and
 * procedure, per step (position and name) and holding unit (agency and role): how many, their working
 * time, how many were late and by how much (docs/metrics.md, "Processing steps").
 */
@Entity('report_step_rollups')
@Index('IDX_report_step_rollups_agency', ['agencyId', 'grain', 'period'])
export class ReportStepRollup {
  @PrimaryColumn({ type: 'varchar', length: 5 })
  public grain!: ReportGrain;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  public period!: string;

  @PrimaryColumn({ name: 'agency_id', type: 'varchar', length: 36 })
  public agencyId!: string;

  @PrimaryColumn({ name: 'procedure_id', type: 'varchar', length: 36 })
  public procedureId!: string;

  @PrimaryColumn({ name: 'step_position', type: 'integer' })
  public stepPosition!: number;

  @PrimaryColumn({ name: 'step_name', type: 'varchar', length: 255 })
  public stepName!: string;

  @PrimaryColumn({ name: 'holder_agency_id', type: 'varchar', length: 36 })
  public holderAgencyId!: string;

  @PrimaryColumn({ name: 'holder_role', type: 'varchar', length: 16 })
  public holderRole!: string;

  @Column({ type: 'integer' })
  public stretches!: number;

  /** Working milliseconds spent in the step, on the holding agency's calendar, supplement waits excluded. */
  @Column({ name: 'working_ms', type: 'bigint', transformer: bigintNumber })
  public workingMs!: number;

  @Column({ type: 'integer' })
  public late!: number;

  @Column({ name: 'lateness_ms', type: 'bigint', transformer: bigintNumber })
  public latenessMs!: number;
}
