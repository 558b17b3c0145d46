import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import { TimestampColumn } from './timestamp.column';

/** Where an online payment stands (docs/payments.md, "States"). */
export type PaymentState = 'pending' | 'paid' | 'failed' | 'expired' | 'refunded';

/** One attempt to pay an application's fee online through the gateway. */
@Entity('payments')
@Index('IDX_payments_application', ['applicationId'])
@Index('IDX_payments_state_expiry', ['state', 'expiresAt'])
@Index('IDX_payments_txn_ref', ['txnRef'], { unique: true })
export class Payment {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  public id!: string;

  @Column({ name: 'application_id', type: 'varchar', length: 36 })
  public applicationId!: string;

  /** OneGate's reference of the payment at the gateway (vnp_TxnRef). */
  @Column({ name: 'txn_ref', type: 'varchar', length: 34 })
  public txnRef!: string;

  @Column({ type: 'varchar', length: 16 })
  public state!: PaymentState;

  /** Always the application's fee, never a figure from the client. */
  @Column({ name: 'amount_vnd', type: 'integer' })
  public amountVnd!: number;

  @TimestampColumn({ name: 'created_at' })
  public createdAt!: Date;

  @TimestampColumn({ name: 'expires_at' })
  public expiresAt!: Date;

  @TimestampColumn({ name: 'settled_at', nullable: true })
  public settledAt!: Date | null;

  @TimestampColumn({ name: 'paid_at', nullable: true })
  public paidAt!: Date | null;

  /** The gateway's transaction number and the payer's bank, once it says. */
  @Column({ name: 'transaction_no', type: 'varchar', length: 32, nullable: true })
  public transactionNo!: string | null;

  @Column({ name: 'bank_code', type: 'varchar', length: 32, nullable: true })
  public bankCode!: string | null;

  /** The gateway's last response code for it. */
  @Column({ name: 'response_code', type: 'varchar', length: 8, nullable: true })
  public responseCode!: string | null;
}
