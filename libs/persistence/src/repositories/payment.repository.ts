import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, LessThan, Repository } from 'typeorm';

import { Payment } from '../entities';
import type { PaymentState } from '../entities';

/** What settling a payment records besides its new state. */
export type SettledPaymentFields = Partial<
  Pick<Payment, 'settledAt' | 'paidAt' | 'transactionNo' | 'bankCode' | 'responseCode'>
>;

@Injectable()
export class PaymentRepository {
  private readonly payments: Repository<Payment>;

  public constructor(@InjectDataSource() dataSource: DataSource) {
    this.payments = dataSource.getRepository(Payment);
  }

  public async insert(payment: Payment): Promise<void> {
    await this.payments.insert(payment);
  }

  public findByTxnRef(txnRef: string): Promise<Payment | null> {
    return this.payments.findOneBy({ txnRef });
  }

  /** An application's payments, the newest first. */
  public ofApplication(applicationId: string): Promise<Payment[]> {
    return this.payments.find({ where: { applicationId }, order: { createdAt: 'DESC', id: 'DESC' } });
  }

  /** Pending payments whose time at the gateway has run out, the oldest first. */
  public pendingExpiredBefore(now: Date, limit: number): Promise<Payment[]> {
    return this.payments.find({
      where: { state: 'pending', expiresAt: LessThan(now) },
      order: { expiresAt: 'ASC', id: 'ASC' },
      take: limit,
    });
  }

  /** Moves a payment on only from one of the given states; false when another change came first. */
  public async settleIf(
    id: string,
    from: readonly PaymentState[],
    to: PaymentState,
    settlement: SettledPaymentFields,
  ): Promise<boolean> {
    const result = await this.payments.update({ id, state: In([...from]) }, { ...settlement, state: to });
    return (result.affected ?? 0) > 0;
  }
}
