import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { PartnerScope } from '@onegate/domain';

import { TimestampColumn } from './timestamp.column';

/** Another system calling the API with its own credentials (docs/partner-clients.md). */
@Entity('partner_clients')
export class PartnerClient {
  /** Also the client's `client_id`. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  public id!: string;

  @Column({ type: 'varchar', length: 200 })
  public name!: string;

  @Column({ type: 'simple-json' })
  public scopes!: PartnerScope[];

  /** The agencies it may see, each with every agency below it. */
  @Column({ name: 'agency_ids', type: 'simple-json' })
  public agencyIds!: string[];

  /** SHA-256 of the secret (hex); the secret itself is never stored. */
  @Column({ name: 'secret_hash', type: 'varchar', length: 64 })
  public secretHash!: string;

  /** The secret before the last rotation, still accepted until `previousSecretUntil`. */
  @Column({ name: 'previous_secret_hash', type: 'varchar', length: 64, nullable: true })
  public previousSecretHash!: string | null;

  @TimestampColumn({ name: 'previous_secret_until', nullable: true })
  public previousSecretUntil!: Date | null;

  @TimestampColumn({ name: 'disabled_at', nullable: true })
  public disabledAt!: Date | null;

  @TimestampColumn({ name: 'created_at' })
  public createdAt!: Date;

  @TimestampColumn({ name: 'updated_at' })
  public updatedAt!: Date;
}
