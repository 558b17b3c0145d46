import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import { TimestampColumn } from './timestamp.column';

/**
 * One version of the scoring table of the service index (docs/decision-766.md, "The scoring table"):
 * the group and criterion maxima and each criterion's rate→points rule, in force from a local date.
 */
@Entity('service_index_scoring_tables')
@Index('IDX_service_index_scoring_tables_version', ['version'], { unique: true })
@Index('IDX_service_index_scoring_tables_from', ['effectiveFrom'])
export class ServiceIndexScoringTable {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  public id!: string;

  @Column({ type: 'integer' })
  public version!: number;

  /** The first local date (`YYYY-MM-DD`) of the periods it scores. */
  @Column({ name: 'effective_from', type: 'varchar', length: 10 })
  public effectiveFrom!: string;

  /** The groups and criteria, as JSON (ScoringTableDefinition of libs/reporting). */
  @Column({ type: 'text' })
  public definition!: string;

  @TimestampColumn({ name: 'created_at' })
  public createdAt!: Date;

  /** The administrator who made it; null for the version shipped with OneGate. */
  @Column({ name: 'created_by', type: 'varchar', length: 36, nullable: true })
  public createdBy!: string | null;
}
