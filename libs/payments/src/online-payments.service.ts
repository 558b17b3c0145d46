import { ConflictException, ForbiddenException, Inject, Injectable } from '@nestjs/common';

import type { AuthenticatedUser } from '@onegate/access';
import { ApplicationAccessService } from '@onegate/applications';
import { AppConfig } from '@onegate/config';
import { ACTION_TABLE } from '@onegate/domain';
import type { Language } from '@onegate/domain';
import { ApplicationRepository, PaymentRepository } from '@onegate/persistence';
import type { Application, Payment } from '@onegate/persistence';
import { Clock, timeOrderedId } from '@onegate/platform';

import type { PaymentProvider } from './payment-provider';
import { PAYMENT_PROVIDER } from './payment-provider';

/** Where the gateway sends the citizen's browser back. */
export const PAYMENT_RETURN_PATH = '/payments/return';

export interface StartedPayment {
  payment: Payment;
  redirectUrl: string;
}

/** What the return page may say: the gateway's word, read but never acted on. */
export interface ReturnedPayment {
  outcome: 'paid' | 'cancelled' | 'failed' | 'unreadable';
  applicationId: string | null;
}

const CANCELLED_BY_CUSTOMER = '24';

/** A citizen pays an application's fee online (docs/payments.md). */
@Injectable()
export class OnlinePayments {
  public constructor(
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
    private readonly applications: ApplicationRepository,
    private readonly access: ApplicationAccessService,
    private readonly payments: PaymentRepository,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** A new pending payment of the application's fee, and the gateway address to send the citizen to. */
  public async start(
    user: AuthenticatedUser,
    applicationId: string,
    language: Language,
    ipAddress: string,
  ): Promise<StartedPayment> {
    const application = await this.ownApplication(user, applicationId);
    assertPayable(application);
    const createdAt = this.clock.now();
    const payment: Payment = {
      id: timeOrderedId(),
      applicationId: application.id,
      txnRef: timeOrderedId().replace(/-/g, ''),
      state: 'pending',
      // Always the application's fee, from its procedure's fee table: never a figure the client sends.
      amountVnd: application.feeVnd,
      createdAt,
      expiresAt: new Date(createdAt.getTime() + this.config.payments.expiryMinutes * 60_000),
      settledAt: null,
      paidAt: null,
      transactionNo: null,
      bankCode: null,
      responseCode: null,
    };
    await this.payments.insert(payment);
    const redirectUrl = this.provider.paymentUrl({
      txnRef: payment.txnRef,
      amountVnd: payment.amountVnd,
      orderInfo: `OneGate le phi ho so ${application.code ?? application.id}`,
      language,
      returnUrl: `${this.config.publicUrl}${PAYMENT_RETURN_PATH}`,
      ipAddress,
      createdAt: payment.createdAt,
      expiresAt: payment.expiresAt,
    });
    return { payment, redirectUrl };
  }

  public async list(user: AuthenticatedUser, applicationId: string): Promise<Payment[]> {
    const application = await this.access.assertVisible(
      user,
      await this.applications.findById(applicationId),
    );
    return this.payments.ofApplication(application.id);
  }

  /** Reads the browser's return for the citizen's page; the state changes only by the gateway's notice. */
  public async returned(query: Record<string, string>): Promise<ReturnedPayment> {
    const outcome = this.provider.readReturn(query);
    if (!outcome) return { outcome: 'unreadable', applicationId: null };
    const payment = await this.payments.findByTxnRef(outcome.txnRef);
    const applicationId = payment?.applicationId ?? null;
    if (outcome.succeeded) return { outcome: 'paid', applicationId };
    return {
      outcome: outcome.responseCode === CANCELLED_BY_CUSTOMER ? 'cancelled' : 'failed',
      applicationId,
    };
  }

  private async ownApplication(user: AuthenticatedUser, applicationId: string): Promise<Application> {
    const application = await this.access.assertVisible(
      user,
      await this.applications.findById(applicationId),
    );
    if (user.role !== 'citizen') {
      throw new ForbiddenException('Only the applicant pays online; staff record a payment at the counter');
    }
    return application;
  }
}

function assertPayable(application: Application): void {
  if (application.feeVnd === 0) throw new ConflictException('This application has no fee to pay');
  if (application.paid) throw new ConflictException('The fee of this application is already paid');
  if (!ACTION_TABLE.pay.from.includes(application.state)) {
    throw new ConflictException(`The fee cannot be paid while the application is ${application.state}`);
  }
}
