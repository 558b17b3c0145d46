import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { TimestampColumn } from './timestamp.column';

export type AgencyLevel = 'province' | 'department' | 'district' | 'commune';

export interface OfficeInterval {
  start: string;
  end: string;
}

@Entity('agencies')
@Index('IDX_agencies_code', ['code'], { unique: true })
@Index('IDX_agencies_parent', ['parentId'])
export class Agency {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  public id!: string;

  @Column({ type: 'varchar', length: 32 })
  public code!: string;

  @Column({ name: 'parent_id', type: 'varchar', length: 36, nullable: true })
  public parentId!: string | null;

  @ManyToOne(() => Agency, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  public parent?: Agency | null;

  @Column({ type: 'varchar', length: 16 })
  public level!: AgencyLevel;

  @Column({ name: 'name_vi', type: 'varchar', length: 255 })
  public nameVi!: string;

  @Column({ name: 'name_en', type: 'varchar', length: 255 })
  public nameEn!: string;

  @Column({ name: 'time_zone', type: 'varchar', length: 64 })
  public timeZone!: string;

  @Column({ name: 'office_hours', type: 'simple-json' })
  public officeHours!: OfficeInterval[];

  /** Working days to answer feedback (docs/feedback.md); null follows FEEDBACK_DAYS. */
  @Column({ name: 'feedback_days', type: 'integer', nullable: true })
  public feedbackDays!: number | null;

  @TimestampColumn({ name: 'created_at' })
  public createdAt!: Date;
}
