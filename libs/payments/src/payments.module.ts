import { Module } from '@nestjs/common';

import { ApplicationsModule } from '@onegate/applications';
import { AppConfig } from '@onegate/config';

import { OnlinePayments } from './online-payments.service';
import { PaymentNotices } from './payment-notices.service';
import { PAYMENT_PROVIDER } from './payment-provider';
import { PaymentReconciler } from './payment-reconciler.service';
import { PaymentSettlement } from './payment-settlement';
import { VnpayProvider } from './vnpay/vnpay.provider';

const SERVICES = [OnlinePayments, PaymentNotices, PaymentReconciler, PaymentSettlement];

/** Online payment of fees through the gateway; VNPAY is the provider today (docs/payments.md). */
@Module({
  imports: [ApplicationsModule],
  providers: [
    ...SERVICES,
    {
      provide: PAYMENT_PROVIDER,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new VnpayProvider(config.payments),
    },
  ],
  exports: SERVICES,
})
export class PaymentsModule {}
