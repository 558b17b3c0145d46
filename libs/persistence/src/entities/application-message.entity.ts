import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import type { Action, Role } from '@onegate/domain';

import { SealedTextColumn } from './sealed-text.column';
import { TimestampColumn } from './timestamp.column';

/**
 * One message of a file's thread between its applicant and the agency (docs/messages.md). Kept with
 * the file's history: never updated or deleted.
 */
@Entity('application_messages')
@Index('IDX_application_messages_application', ['applicationId', 'at'])
export class ApplicationMessage {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  public id!: string;

  @Column({ name: 'application_id', type: 'varchar', length: 36 })
  public applicationId!: string;

  @TimestampColumn({ name: 'at' })
  public at!: Date;

  @Column({ name: 'author_id', type: 'varchar', length: 36 })
  public authorId!: string;

  @Column({ name: 'author_role', type: 'varchar', length: 16 })
  public authorRole!: Role;

  /** Personal text: sealed at rest like the notifications' bodies. */
  @SealedTextColumn({ name: 'body' })
  public body!: string;

  /** The clerk's action this message came with, written on its form; null for a message of the thread. */
  @Column({ type: 'varchar', length: 24, nullable: true })
  public action!: Action | null;
}
