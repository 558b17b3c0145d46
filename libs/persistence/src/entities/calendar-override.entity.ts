import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import type { DayOverrideKind } from '@onegate/domain';

import { TimestampColumn } from './timestamp.column';
import { User } from './user.entity';

/** An official day off or make-up working day, province-wide; it beats public holidays and weekends. */
@Entity('calendar_overrides')
@Index('IDX_calendar_overrides_date', ['date'], { unique: true })
export class CalendarOverride {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  public id!: string;

  /** The local date, `YYYY-MM-DD`. */
  @Column({ type: 'varchar', length: 10 })
  public date!: string;

  @Column({ type: 'varchar', length: 16 })
  public kind!: DayOverrideKind;

  @Column({ type: 'varchar', length: 255 })
  public reason!: string;

  @TimestampColumn({ name: 'created_at' })
  public createdAt!: Date;

  /** The administrator who declared it; null for the schedules shipped with OneGate. */
  @Column({ name: 'created_by', type: 'varchar', length: 36, nullable: true })
  public createdBy!: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by' })
  public creator?: User | null;
}
