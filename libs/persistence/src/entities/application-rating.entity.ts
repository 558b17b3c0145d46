import { Column, Entity, PrimaryColumn } from 'typeorm';

import { TimestampColumn } from './timestamp.column';

/** A citizen's rating of a returned application: one per application, never changed. */
@Entity('application_ratings')
export class ApplicationRating {
  @PrimaryColumn({ name: 'application_id', type: 'varchar', length: 36 })
  public applicationId!: string;

  /** 1 to 5. */
  @Column({ type: 'integer' })
  public score!: number;

  @Column({ type: 'text', nullable: true })
  public comment!: string | null;

  @TimestampColumn({ name: 'rated_at' })
  public ratedAt!: Date;

  /** The citizen's account; null for an imported rating of an applicant without one. */
  @Column({ name: 'rated_by', type: 'varchar', length: 36, nullable: true })
  public ratedBy!: string | null;
}
