import { Inject, Injectable, Logger } from '@nestjs/common';

import { JobName, OnJob } from '@onegate/jobs';
import { PaymentRepository } from '@onegate/persistence';
import type { Payment } from '@onegate/persistence';
import { Clock } from '@onegate/platform';

import type { PaymentProvider } from './payment-provider';
import { PAYMENT_PROVIDER } from './payment-provider';
import { PaymentSettlement } from './payment-settlement';

const BATCH = 100;

export interface ReconcileOutcome {
  paid: number;
  failed: number;
  expired: number;
  unanswered: number;
}

/**
 * Asks the gateway about every payment still pending past its time (a notice that never came) and
 * settles it as the gateway says: paid, failed, or expired when it knows of no payment
 * (docs/payments.md, "Reconciliation").
 */
@Injectable()
export class PaymentReconciler {
  private readonly logger = new Logger(PaymentReconciler.name);

  public constructor(
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
    private readonly payments: PaymentRepository,
    private readonly settlement: PaymentSettlement,
    private readonly clock: Clock,
  ) {}

  @OnJob(JobName.ReconcilePayments)
  public async reconcile(): Promise<ReconcileOutcome> {
    const outcome: ReconcileOutcome = { paid: 0, failed: 0, expired: 0, unanswered: 0 };
    const overdue = await this.payments.pendingExpiredBefore(this.clock.now(), BATCH);
    for (const payment of overdue) {
      try {
        outcome[await this.settle(payment)] += 1;
      } catch (error) {
        outcome.unanswered += 1;
        this.logger.warn(
          { err: error, paymentId: payment.id },
          'The gateway could not say what became of a payment',
        );
      }
    }
    // Failing the job makes the queue retry it and shows on the failed-jobs metric.
    if (outcome.unanswered > 0) throw new Error(`${outcome.unanswered} payments could not be reconciled`);
    return outcome;
  }

  private async settle(payment: Payment): Promise<'paid' | 'failed' | 'expired'> {
    const found = await this.provider.query({
      txnRef: payment.txnRef,
      orderInfo: `Query ${payment.txnRef}`,
      createdAt: payment.createdAt,
      now: this.clock.now(),
    });
    if (found.kind !== 'settled') {
      await this.settlement.expire(payment);
      return 'expired';
    }
    if (found.outcome.amountVnd !== payment.amountVnd) {
      throw new Error('The gateway reports another amount than the fee');
    }
    await this.settlement.settle(payment, found.outcome);
    return found.outcome.succeeded ? 'paid' : 'failed';
  }
}
