import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { TimestampColumn } from './timestamp.column';
import { User } from './user.entity';

/**
 * A year whose official schedule of days off is loaded (docs/working-time.md): shipped with OneGate, or
 * loaded by an administrator from the government's notice. Its days are rows of `calendar_overrides`.
 */
@Entity('calendar_schedules')
export class CalendarSchedule {
  @PrimaryColumn({ type: 'integer' })
  public year!: number;

  /** The notices the schedule comes from, as the administrator wrote them. */
  @Column({ type: 'varchar', length: 500 })
  public source!: string;

  @TimestampColumn({ name: 'loaded_at' })
  public loadedAt!: Date;

  /** The administrator who loaded it; null for the schedules shipped with OneGate. */
  @Column({ name: 'loaded_by', type: 'varchar', length: 36, nullable: true })
  public loadedBy!: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'loaded_by' })
  public loader?: User | null;
}
