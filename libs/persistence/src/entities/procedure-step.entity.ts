import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import type { StepHolderRole } from '@onegate/domain';

/** One step of a procedure's internal process (docs/applications.md, "Process"). */
@Entity('procedure_steps')
@Index('IDX_procedure_steps_position', ['procedureId', 'position'], { unique: true })
export class ProcedureStep {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  public id!: string;

  @Column({ name: 'procedure_id', type: 'varchar', length: 36 })
  public procedureId!: string;

  /** 1..n within the procedure. */
  @Column({ type: 'integer' })
  public position!: number;

  @Column({ name: 'name_vi', type: 'varchar', length: 255 })
  public nameVi!: string;

  @Column({ name: 'name_en', type: 'varchar', length: 255 })
  public nameEn!: string;

  @Column({ name: 'holder_role', type: 'varchar', length: 16 })
  public holderRole!: StepHolderRole;

  /** null: the procedure's competent agency; another agency's id makes the step a transfer. */
  @Column({ name: 'holder_agency_id', type: 'varchar', length: 36, nullable: true })
  public holderAgencyId!: string | null;

  /** Working hours, above 0; a procedure's budgets add up to its time limit. */
  @Column({ name: 'budget_hours', type: 'integer' })
  public budgetHours!: number;
}
