import { ApiProperty } from '@nestjs/swagger';

import type { Payment, PaymentState } from '@onegate/persistence';

const PAYMENT_STATES: PaymentState[] = ['pending', 'paid', 'failed', 'expired', 'refunded'];

export class PaymentDto {
  @ApiProperty() public id!: string;
  @ApiProperty({ description: "OneGate's reference of the payment at the gateway" }) public txnRef!: string;
  @ApiProperty({ enum: PAYMENT_STATES }) public state!: PaymentState;
  @ApiProperty({ description: "The application's fee, in VND" }) public amountVnd!: number;
  @ApiProperty() public createdAt!: string;
  @ApiProperty() public expiresAt!: string;
  @ApiProperty({ nullable: true, type: String }) public paidAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) public transactionNo!: string | null;
  @ApiProperty({ nullable: true, type: String }) public bankCode!: string | null;

  public static from(payment: Payment): PaymentDto {
    return {
      id: payment.id,
      txnRef: payment.txnRef,
      state: payment.state,
      amountVnd: payment.amountVnd,
      createdAt: payment.createdAt.toISOString(),
      expiresAt: payment.expiresAt.toISOString(),
      paidAt: payment.paidAt?.toISOString() ?? null,
      transactionNo: payment.transactionNo,
      bankCode: payment.bankCode,
    };
  }
}

export class StartedPaymentDto extends PaymentDto {
  @ApiProperty({ description: 'Where to send the citizen to pay (the gateway)' }) public redirectUrl!: string;
}
