import { Inject, Injectable, Logger } from '@nestjs/common';

import { AuditEventRepository, PaymentRepository } from '@onegate/persistence';

import type { GatewayReading, NotificationVerdict, PaymentProvider } from './payment-provider';
import { PAYMENT_PROVIDER } from './payment-provider';
import { PaymentSettlement, UNSETTLED } from './payment-settlement';

/**
 * The gateway's server-to-server notice (IPN), checked in the protocol's order: signature, payment,
 * amount, already settled; only then recorded (docs/payments.md, "The notification").
 */
@Injectable()
export class PaymentNotices {
  private readonly logger = new Logger(PaymentNotices.name);

  public constructor(
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
    private readonly payments: PaymentRepository,
    private readonly settlement: PaymentSettlement,
    private readonly audit: AuditEventRepository,
  ) {}

  /** The body to answer the gateway with. */
  public async receive(query: Record<string, string>, ip: string | null): Promise<object> {
    let verdict: NotificationVerdict;
    try {
      verdict = await this.judge(this.provider.readNotification(query), query, ip);
    } catch (error) {
      this.logger.error({ err: error }, 'A payment notice could not be recorded');
      verdict = 'error';
    }
    return this.provider.answerNotification(verdict);
  }

  private async judge(
    outcome: GatewayReading,
    query: Record<string, string>,
    ip: string | null,
  ): Promise<NotificationVerdict> {
    if (!outcome) {
      await this.refused('bad_signature', { txnRef: (query.vnp_TxnRef ?? '').slice(0, 64) }, ip);
      return 'bad_signature';
    }
    const payment = await this.payments.findByTxnRef(outcome.txnRef);
    if (!payment) return 'not_found';
    if (outcome.amountVnd !== payment.amountVnd) {
      const details = {
        txnRef: payment.txnRef,
        expectedVnd: payment.amountVnd,
        notifiedVnd: outcome.amountVnd,
      };
      await this.refused('bad_amount', details, ip);
      return 'bad_amount';
    }
    if (!UNSETTLED.includes(payment.state)) return 'already_confirmed';
    return (await this.settlement.settle(payment, outcome)) ? 'confirmed' : 'already_confirmed';
  }

  private refused(
    reason: string,
    details: Record<string, string | number>,
    ip: string | null,
  ): Promise<void> {
    return this.audit.append({ type: 'payment_notice_refused', ip, details: { reason, ...details } });
  }
}
