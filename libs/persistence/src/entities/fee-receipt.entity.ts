import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import { TimestampColumn } from './timestamp.column';

/** The electronic receipt of one payment event: its number of the year (docs/payments.md). */
@Entity('fee_receipts')
@Index('IDX_fee_receipts_event', ['eventId'], { unique: true })
@Index('IDX_fee_receipts_number', ['year', 'number'], { unique: true })
@Index('IDX_fee_receipts_application', ['applicationId'])
export class FeeReceipt {
  /** Also the id of the receipt's PDF among the file's attachments. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  public id!: string;

  @Column({ name: 'application_id', type: 'varchar', length: 36 })
  public applicationId!: string;

  @Column({ name: 'event_id', type: 'varchar', length: 36 })
  public eventId!: string;

  @Column({ type: 'integer' })
  public year!: number;

  @Column({ type: 'integer' })
  public number!: number;

  @Column({ name: 'amount_vnd', type: 'integer' })
  public amountVnd!: number;

  @TimestampColumn({ name: 'issued_at' })
  public issuedAt!: Date;
}

/** The last receipt number given in a year. */
@Entity('fee_receipt_sequences')
export class FeeReceiptSequence {
  @PrimaryColumn({ type: 'integer' })
  public year!: number;

  @Column({ name: 'last_number', type: 'integer' })
  public lastNumber!: number;
}
