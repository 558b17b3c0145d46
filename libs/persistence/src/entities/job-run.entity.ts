import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import { TimestampColumn } from './timestamp.column';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** One row per job a worker has finished; the unique key makes re-delivered jobs harmless. */
@Entity('job_runs')
@Index('IDX_job_runs_job', ['queue', 'jobId'], { unique: true })
export class JobRun {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  public id!: string;

  @Column({ type: 'varchar', length: 64 })
  public queue!: string;

  @Column({ type: 'varchar', length: 64 })
  public name!: string;

  @Column({ name: 'job_id', type: 'varchar', length: 128 })
  public jobId!: string;

  @Column({ type: 'simple-json' })
  public payload!: JsonObject;

  @TimestampColumn({ name: 'processed_at' })
  public processedAt!: Date;
}
