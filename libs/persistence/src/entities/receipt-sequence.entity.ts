import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last receipt number given by an agency on a local date. */
@Entity('receipt_sequences')
export class ReceiptSequence {
  @PrimaryColumn({ name: 'agency_id', type: 'varchar', length: 36 })
  public agencyId!: string;

  @PrimaryColumn({ name: 'local_date', type: 'varchar', length: 10 })
  public localDate!: string;

  @Column({ name: 'last_number', type: 'integer' })
  public lastNumber!: number;
}
