import type { AppConfig } from '@onegate/config';
import { startPaymentSandbox } from '@onegate/payments';

/** The IPN route of PaymentsController, as the gateway is told it. */
export const IPN_PATH = '/api/payments/vnpay/ipn';

/** `payment-sandbox`: the local gateway for development, on PAYMENT_SANDBOX_PORT (docs/payments.md). */
export async function runPaymentSandbox(config: AppConfig) {
  if (config.isProduction) throw new Error('The payment sandbox does not run in production');
  const sandbox = await startPaymentSandbox({
    port: config.payments.sandboxPort,
    tmnCode: config.payments.tmnCode,
    hashSecret: config.payments.hashSecret,
    ipnUrl: `${config.publicUrl}${IPN_PATH}`,
  });
  process.stdout.write(`onegate payment-sandbox: listening on ${sandbox.url}\n`);
  return sandbox;
}
