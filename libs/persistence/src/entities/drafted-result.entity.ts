import { Column, Entity, PrimaryColumn } from 'typeorm';

import { TimestampColumn } from './timestamp.column';

/**
 * The agency's own result of a file (a PDF a clerk wrote and uploaded), which OneGate signs instead of
 * the generated one (docs/documents.md, "The clerk's own result"). One per file: a new upload replaces
 * it until the file is signed.
 */
@Entity('drafted_results')
export class DraftedResult {
  @PrimaryColumn({ name: 'application_id', type: 'varchar', length: 36 })
  public applicationId!: string;

  /** The name the clerk gave it; only ever shown. */
  @Column({ name: 'original_name', type: 'varchar', length: 255 })
  public originalName!: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  public sizeBytes!: number;

  @Column({ type: 'varchar', length: 64 })
  public sha256!: string;

  @Column({ name: 'storage_key', type: 'varchar', length: 100 })
  public storageKey!: string;

  @Column({ name: 'uploaded_by', type: 'varchar', length: 36 })
  public uploadedBy!: string;

  @TimestampColumn({ name: 'uploaded_at' })
  public uploadedAt!: Date;
}
