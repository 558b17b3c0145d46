import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { Agency } from './agency.entity';
import { TimestampColumn } from './timestamp.column';

/**
 * One agency asked for its opinion on a file (docs/applications.md, "Consultations"): opened by a
 * `consult` action, answered once by an `answer_consultation`.
 */
@Entity('consultations')
@Index('IDX_consultations_application', ['applicationId', 'askedAt'])
@Index('IDX_consultations_agency_open', ['agencyId', 'answeredAt'])
export class Consultation {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  public id!: string;

  @Column({ name: 'application_id', type: 'varchar', length: 36 })
  public applicationId!: string;

  /** The agency consulted. */
  @Column({ name: 'agency_id', type: 'varchar', length: 36 })
  public agencyId!: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  public agency?: Agency;

  @Column({ name: 'asked_by', type: 'varchar', length: 36 })
  public askedBy!: string;

  @Column({ type: 'text' })
  public question!: string;

  @TimestampColumn({ name: 'asked_at' })
  public askedAt!: Date;

  @TimestampColumn({ name: 'answer_due_at' })
  public answerDueAt!: Date;

  @TimestampColumn({ name: 'answered_at', nullable: true })
  public answeredAt!: Date | null;

  @Column({ name: 'answered_by', type: 'varchar', length: 36, nullable: true })
  public answeredBy!: string | null;

  @Column({ type: 'text', nullable: true })
  public opinion!: string | null;
}

/** Whether the consultation was answered after its due time, or is still unanswered past it. */
export const isLateConsultation = (consultation: Consultation, now: Date): boolean =>
  (consultation.answeredAt ?? now) > consultation.answerDueAt;
