import { ConflictException, Injectable, Logger } from '@nestjs/common';

import { ApplicationActionsService } from '@onegate/applications';
import { ApplicationRepository, PaymentRepository } from '@onegate/persistence';
import type { Payment, PaymentState } from '@onegate/persistence';
import { Clock } from '@onegate/platform';

import type { GatewayOutcome } from './payment-provider';

/** A payment the gateway has not settled yet may still be (docs/payments.md, "States"). */
export const UNSETTLED: readonly PaymentState[] = ['pending', 'expired'];
const EVENT_ATTEMPTS = 3;

/**
 * Writes what the gateway said of a payment. A paid one first records the application's `pay` event
 * (online, the payment's reference), then the payment itself: a crash between the two leaves the
 * payment unsettled, and the gateway's next notice (or reconciliation) finds the fee paid and only
 * settles the payment, so nothing is recorded twice.
 */
@Injectable()
export class PaymentSettlement {
  private readonly logger = new Logger(PaymentSettlement.name);

  public constructor(
    private readonly payments: PaymentRepository,
    private readonly applications: ApplicationRepository,
    private readonly actions: ApplicationActionsService,
    private readonly clock: Clock,
  ) {}

  /** Whether this call settled it (false: another notice came first). */
  public async settle(payment: Payment, outcome: GatewayOutcome): Promise<boolean> {
    if (outcome.succeeded) await this.recordPayEvent(payment);
    return this.payments.settleIf(payment.id, UNSETTLED, outcome.succeeded ? 'paid' : 'failed', {
      settledAt: this.clock.now(),
      paidAt: outcome.succeeded ? (outcome.paidAt ?? this.clock.now()) : null,
      transactionNo: outcome.transactionNo,
      bankCode: outcome.bankCode,
      responseCode: outcome.responseCode,
    });
  }

  /** Nobody paid before the time ran out and the gateway knows of no payment. */
  public expire(payment: Payment): Promise<boolean> {
    return this.payments.settleIf(payment.id, ['pending'], 'expired', { settledAt: this.clock.now() });
  }

  private async recordPayEvent(payment: Payment): Promise<void> {
    for (let attempt = 1; attempt <= EVENT_ATTEMPTS; attempt++) {
      const application = await this.applications.findById(payment.applicationId);
      if (!application || application.paid) return;
      try {
        await this.actions.perform({ kind: 'system' }, application.id, {
          action: 'pay',
          channel: 'online',
          reference: payment.txnRef,
        });
        return;
      } catch (error) {
        // Another action came first (409): read the file again; its state may no longer take a payment.
        if (!(error instanceof ConflictException)) throw error;
      }
    }
    // The money arrived for a file past payment (decided, withdrawn): kept as paid, for a refund by hand.
    this.logger.warn({ paymentId: payment.id }, 'A payment arrived for a file that no longer takes one');
  }
}
