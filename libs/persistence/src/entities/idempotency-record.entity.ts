import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import { TimestampColumn } from './timestamp.column';

/** The first answer given to a request with an Idempotency-Key, replayed for the same key and body. */
@Entity('idempotency_records')
@Index('IDX_idempotency_records_created', ['createdAt'])
export class IdempotencyRecord {
  /** SHA-256 of caller, method, route and key: one caller's key never collides with another's. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  public id!: string;

  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  public requestHash!: string;

  /** Null while the first request is still being answered. */
  @Column({ name: 'status_code', type: 'integer', nullable: true })
  public statusCode!: number | null;

  @Column({ name: 'response_body', type: 'text', nullable: true })
  public responseBody!: string | null;

  @TimestampColumn({ name: 'created_at' })
  public createdAt!: Date;
}
