import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The document number ("Số") of an application's signed result: taken once per application, so a
 * retried issuance prints the same one, and unique within its agency's year (docs/documents.md).
 */
@Entity('result_numbers')
@Index('IDX_result_numbers_agency_year_number', ['agencyId', 'year', 'number'], { unique: true })
export class ResultNumber {
  @PrimaryColumn({ name: 'application_id', type: 'varchar', length: 36 })
  public applicationId!: string;

  @Column({ name: 'agency_id', type: 'varchar', length: 36 })
  public agencyId!: string;

  @Column({ type: 'integer' })
  public year!: number;

  @Column({ type: 'integer' })
  public number!: number;
}
