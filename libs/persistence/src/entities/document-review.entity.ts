import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import { TimestampColumn } from './timestamp.column';

export const REVIEW_DECISIONS = ['accepted', 'rejected'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/**
 * A clerk's decision on one document of a file (docs/documents.md, "The file's checklist"). Rows are
 * only added: the last one of a document counts, the earlier ones are its history.
 */
@Entity('document_reviews')
@Index('IDX_document_reviews_application', ['applicationId', 'reviewedAt'])
export class DocumentReview {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  public id!: string;

  @Column({ name: 'application_id', type: 'varchar', length: 36 })
  public applicationId!: string;

  /** The procedure's document, or the supplement item, it decides on. */
  @Column({ name: 'document_name', type: 'varchar', length: 500 })
  public documentName!: string;

  @Column({ type: 'varchar', length: 16 })
  public decision!: ReviewDecision;

  /** Internal: staff only, never shown to the applicant. */
  @Column({ type: 'text', nullable: true })
  public note!: string | null;

  @Column({ name: 'reviewed_by', type: 'varchar', length: 36 })
  public reviewedBy!: string;

  @TimestampColumn({ name: 'reviewed_at' })
  public reviewedAt!: Date;
}
