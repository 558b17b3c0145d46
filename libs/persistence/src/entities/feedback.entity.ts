import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import type { Role } from '@onegate/domain';

import { Agency } from './agency.entity';
import { SealedTextColumn } from './sealed-text.column';
import { TimestampColumn } from './timestamp.column';

export const FEEDBACK_KINDS = ['feedback', 'petition'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

/** What feedback about a file is about; the first three mark the file as having a complaint. */
export const FEEDBACK_ASPECTS = ['reception', 'handling', 'lateness', 'other'] as const;
export type FeedbackAspect = (typeof FEEDBACK_ASPECTS)[number];
export const COMPLAINT_ASPECTS: readonly FeedbackAspect[] = ['reception', 'handling', 'lateness'];

export const FEEDBACK_RATINGS = ['satisfied', 'not_satisfied'] as const;
export type FeedbackRating = (typeof FEEDBACK_RATINGS)[number];

/**
 * A citizen's feedback (phản ánh) or petition (kiến nghị) to an agency, about one of their files or
 * about the agency, and the agency's one answer (docs/feedback.md).
 */
@Entity('feedback')
@Index('IDX_feedback_code', ['code'], { unique: true })
@Index('IDX_feedback_agency_due', ['agencyId', 'dueAt'])
@Index('IDX_feedback_author', ['authorId', 'filedAt'])
@Index('IDX_feedback_application', ['applicationId'])
export class Feedback {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  public id!: string;

  /** `PA-…` for feedback, `KN-…` for a petition: what the author quotes to follow it. */
  @Column({ type: 'varchar', length: 16 })
  public code!: string;

  @Column({ type: 'varchar', length: 16 })
  public kind!: FeedbackKind;

  /** The agency that answers: the file's competent agency, or the agency named. */
  @Column({ name: 'agency_id', type: 'varchar', length: 36 })
  public agencyId!: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  public agency?: Agency;

  @Column({ name: 'application_id', type: 'varchar', length: 36, nullable: true })
  public applicationId!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  public aspect!: FeedbackAspect | null;

  /** The signed-in citizen who wrote it; null for anonymous feedback. */
  @Column({ name: 'author_id', type: 'varchar', length: 36, nullable: true })
  public authorId!: string | null;

  /** SHA-256 of the secret given to an anonymous author at filing; null for a citizen's. */
  @Column({ name: 'secret_hash', type: 'varchar', length: 64, nullable: true })
  public secretHash!: string | null;

  @SealedTextColumn({ name: 'subject' })
  public subject!: string;

  @SealedTextColumn({ name: 'body' })
  public body!: string;

  /** An anonymous author's e-mail or phone, if given. */
  @SealedTextColumn({ name: 'contact', nullable: true })
  public contact!: string | null;

  @TimestampColumn({ name: 'filed_at' })
  public filedAt!: Date;

  @TimestampColumn({ name: 'due_at' })
  public dueAt!: Date;

  @TimestampColumn({ name: 'answered_at', nullable: true })
  public answeredAt!: Date | null;

  @Column({ name: 'answered_by', type: 'varchar', length: 36, nullable: true })
  public answeredBy!: string | null;

  @Column({ name: 'answered_by_role', type: 'varchar', length: 16, nullable: true })
  public answeredByRole!: Role | null;

  @SealedTextColumn({ name: 'answer', nullable: true })
  public answer!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  public rating!: FeedbackRating | null;

  @TimestampColumn({ name: 'rated_at', nullable: true })
  public ratedAt!: Date | null;
}

/** Answered after its due time, or still unanswered past it. */
export const isLateFeedback = (feedback: Pick<Feedback, 'answeredAt' | 'dueAt'>, now: Date): boolean =>
  (feedback.answeredAt ?? now) > feedback.dueAt;
