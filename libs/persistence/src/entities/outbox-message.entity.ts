import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import type { JsonObject } from './job-run.entity';
import { TimestampColumn } from './timestamp.column';

/**
 * A job to enqueue, written in the same transaction as the change that calls for it, so the job
 * exists exactly when the change does; the relay moves it to its queue.
 */
@Entity('outbox_messages')
@Index('IDX_outbox_messages_pending', ['dispatchedAt', 'createdAt'])
@Index('IDX_outbox_messages_job', ['jobId'])
@Index('IDX_outbox_messages_unfinished', ['dispatchedAt', 'id'], {
  where: 'completed_at IS NULL AND dispatched_at IS NOT NULL AND run_at IS NULL',
})
@Index('IDX_outbox_messages_unfinished_delayed', ['runAt', 'id'], {
  where: 'completed_at IS NULL AND dispatched_at IS NOT NULL AND run_at IS NOT NULL',
})
export class OutboxMessage {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  public id!: string;

  @Column({ name: 'job_name', type: 'varchar', length: 64 })
  public jobName!: string;

  /** The BullMQ job id: enqueueing the same message twice makes one job. */
  @Column({ name: 'job_id', type: 'varchar', length: 200 })
  public jobId!: string;

  @Column({ type: 'simple-json' })
  public payload!: JsonObject;

  /** Optional delay: the job becomes due at this time. */
  @TimestampColumn({ name: 'run_at', nullable: true })
  public runAt!: Date | null;

  @TimestampColumn({ name: 'created_at' })
  public createdAt!: Date;

  @TimestampColumn({ name: 'dispatched_at', nullable: true })
  public dispatchedAt!: Date | null;

  /** When its job finished successfully; until then the reconciler checks that the job still exists. */
  @TimestampColumn({ name: 'completed_at', nullable: true })
  public completedAt!: Date | null;
}
