import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import type { Action, ActorRole, ApplicationState, Channel } from '@onegate/domain';

import type { JsonObject } from './job-run.entity';
import { TimestampColumn } from './timestamp.column';

/** One recorded action on an application. Never updated or deleted. */
@Entity('application_events')
@Index('IDX_application_events_application', ['applicationId', 'sequence'], { unique: true })
@Index('IDX_application_events_type_at', ['type', 'at'])
export class ApplicationEvent {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  public id!: string;

  @Column({ name: 'application_id', type: 'varchar', length: 36 })
  public applicationId!: string;

  /** 1, 2, 3… per application: the order of its story. */
  @Column({ type: 'integer' })
  public sequence!: number;

  @Column({ type: 'varchar', length: 24 })
  public type!: Action;

  @TimestampColumn({ name: 'at' })
  public at!: Date;

  /** The acting user, or null for `system` and `import`. */
  @Column({ name: 'actor_id', type: 'varchar', length: 36, nullable: true })
  public actorId!: string | null;

  @Column({ name: 'actor_role', type: 'varchar', length: 16 })
  public actorRole!: ActorRole;

  @Column({ type: 'varchar', length: 8 })
  public channel!: Channel;

  @Column({ name: 'from_state', type: 'varchar', length: 24, nullable: true })
  public fromState!: ApplicationState | null;

  @Column({ name: 'to_state', type: 'varchar', length: 24 })
  public toState!: ApplicationState;

  @Column({ type: 'text', nullable: true })
  public note!: string | null;

  /** The action's fields: reason, missingDocuments, appointmentAt, reference, assigneeId, outcome… */
  @Column({ type: 'simple-json' })
  public data!: JsonObject;
}
