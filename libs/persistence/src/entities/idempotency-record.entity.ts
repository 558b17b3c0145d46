import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import { SealedJsonColumn } from './sealed-json.column';
import { TimestampColumn } from './timestamp.column';

/** An answer's body as JSON gave it. */
export type StoredAnswerBody = string | number | boolean | object | null;

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

  /** The answer's body, sealed: answers carry national ID numbers, phone numbers and form answers. */
  @SealedJsonColumn({ name: 'response_body', nullable: true })
  public responseBody!: StoredAnswerBody;

  @TimestampColumn({ name: 'created_at' })
  public createdAt!: Date;

  /**
   * Until when the request being answered holds the key; the process running it renews this while it
   * works. Past it, with no answer kept, that process died and a retry may run the request again.
   */
  @TimestampColumn({ name: 'lease_expires_at', nullable: true })
  public leaseExpiresAt!: Date | null;
}
