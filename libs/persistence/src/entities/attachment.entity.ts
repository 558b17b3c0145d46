import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import { TimestampColumn } from './timestamp.column';

/**
 * How a document came: sent online by its uploader, scanned or photographed at the counter when the
 * file was registered, reused from the citizen's own store, or issued by OneGate (a form).
 */
export const ATTACHMENT_ORIGINS = ['uploaded', 'scanned', 'reused', 'issued'] as const;
export type AttachmentOrigin = (typeof ATTACHMENT_ORIGINS)[number];

/** The origin of a document that is none of those: no source. */
export const NOT_REUSED = { sourceApplicationId: null, sourceDocumentId: null, sourceCode: null } as const;

/**
 * The storage key of a document the historical import brought as metadata only: no bytes are kept, so
 * it is never offered for download, preview, the citizen's store or reuse (docs/documents.md, "Where a
 * document came from").
 */
export const NO_STORED_COPY = 'imported-no-copy';

/** Whether OneGate keeps the document's bytes (every document but one imported without a copy). */
export const hasStoredCopy = (attachment: Pick<Attachment, 'storageKey'>): boolean =>
  attachment.storageKey !== NO_STORED_COPY;

/** A document uploaded to an application; the bytes live in storage under a generated name. */
@Entity('attachments')
@Index('IDX_attachments_application', ['applicationId'])
export class Attachment {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  public id!: string;

  @Column({ name: 'application_id', type: 'varchar', length: 36 })
  public applicationId!: string;

  /**
   * The required document it answers (its name in the procedure), the item of a supplement request it
   * answers (docs/lifecycle.md, "Supplements"), `form:<kind>` for a form OneGate issued, or null for an
   * extra one.
   */
  @Column({ name: 'document_name', type: 'varchar', length: 500, nullable: true })
  public documentName!: string | null;

  /** The name the uploader gave it; only ever shown, never used as a path. */
  @Column({ name: 'original_name', type: 'varchar', length: 255 })
  public originalName!: string;

  /** Sniffed from the content. */
  @Column({ name: 'media_type', type: 'varchar', length: 100 })
  public mediaType!: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  public sizeBytes!: number;

  @Column({ type: 'varchar', length: 64 })
  public sha256!: string;

  @Column({ name: 'storage_key', type: 'varchar', length: 100 })
  public storageKey!: string;

  /**
   * The supplement request it was sent while waiting for (the sequence of that `request_supplement`
   * event), or null (docs/lifecycle.md, "Supplements").
   */
  @Column({ name: 'supplement_request', type: 'integer', nullable: true })
  public supplementRequest!: number | null;

  /** How it came (docs/documents.md, "Where a document came from"). */
  @Column({ type: 'varchar', length: 16, default: 'uploaded' })
  public origin!: AttachmentOrigin;

  /** For a `reused` document: the file it was taken from, and that file's receipt code. */
  @Column({ name: 'source_application_id', type: 'varchar', length: 36, nullable: true })
  public sourceApplicationId!: string | null;

  /** For a `reused` document: the document (attachment) or signed result (results row) it copies. */
  @Column({ name: 'source_document_id', type: 'varchar', length: 36, nullable: true })
  public sourceDocumentId!: string | null;

  @Column({ name: 'source_code', type: 'varchar', length: 48, nullable: true })
  public sourceCode!: string | null;

  /**
   * The agency that returned it with its part of the file, at a transferred step, or null: every other
   * document (docs/applications.md, "Transfers").
   */
  @Column({ name: 'returned_by_agency_id', type: 'varchar', length: 36, nullable: true })
  public returnedByAgencyId?: string | null;

  /** The position of the transferred step it was returned at. */
  @Column({ name: 'returned_at_step', type: 'integer', nullable: true })
  public returnedAtStep?: number | null;

  /** That step's Vietnamese name at the time, as the step's events record it. */
  @Column({ name: 'returned_step_name', type: 'varchar', length: 500, nullable: true })
  public returnedStepName?: string | null;

  @Column({ name: 'uploaded_by', type: 'varchar', length: 36, nullable: true })
  public uploadedBy!: string | null;

  @TimestampColumn({ name: 'uploaded_at' })
  public uploadedAt!: Date;
}
