import { AppConfig, SANDBOX_HASH_SECRET, SANDBOX_TMN_CODE } from '@onegate/config';
import { startPaymentSandbox } from '@onegate/payments';
import type { PaymentSandbox } from '@onegate/payments';

import type { TestStack } from './test-stack';

/** The local sandbox gateway on a free port, with the development merchant code and secret. */
export function startTestSandbox(now?: () => Date): Promise<PaymentSandbox> {
  return startPaymentSandbox({ port: 0, tmnCode: SANDBOX_TMN_CODE, hashSecret: SANDBOX_HASH_SECRET, now });
}

/** A TestStack `configure` that sends citizens to the sandbox. */
export const payingThrough =
  (sandbox: PaymentSandbox) =>
  (config: AppConfig): AppConfig =>
    new AppConfig({ ...config, payments: { ...config.payments, gatewayUrl: sandbox.url } } as AppConfig);

/** Once the stack listens: the sandbox sends its notices to the stack's IPN route. */
export function notifying(sandbox: PaymentSandbox, stack: TestStack): void {
  sandbox.setIpnUrl(`${stack.apiUrl}/api/payments/vnpay/ipn`);
}
