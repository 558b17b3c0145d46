import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import { TimestampColumn } from './timestamp.column';

/** `result` for an approval, `decision_letter` for a denial. */
export type IssuedResultKind = 'result' | 'decision_letter';

/**
 * The digitally signed result document of an application, kept once: a retried issuance reuses it.
 * Its SHA-256 lets anyone check that a PDF they hold is this one, unaltered.
 */
@Entity('results')
@Index('IDX_results_application', ['applicationId'], { unique: true })
@Index('IDX_results_code', ['code'], { unique: true })
@Index('IDX_results_sha256', ['sha256'])
export class IssuedResult {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  public id!: string;

  @Column({ name: 'application_id', type: 'varchar', length: 36 })
  public applicationId!: string;

  /** The application's receipt code, printed on the document and used by its verification link. */
  @Column({ type: 'varchar', length: 48 })
  public code!: string;

  @Column({ type: 'varchar', length: 16 })
  public kind!: IssuedResultKind;

  @Column({ type: 'varchar', length: 64 })
  public sha256!: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  public sizeBytes!: number;

  @Column({ name: 'storage_key', type: 'varchar', length: 100 })
  public storageKey!: string;

  /** The signing certificate's subject name. */
  @Column({ type: 'varchar', length: 255 })
  public signer!: string;

  @TimestampColumn({ name: 'signed_at' })
  public signedAt!: Date;
}
