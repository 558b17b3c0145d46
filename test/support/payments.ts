import { ApplicationActionsService } from '@onegate/applications';

import type { TestStack } from './test-stack';

/**
 * Records a fee as paid the way a payment the gateway confirmed records it: OneGate's own `pay`,
 * online, with the payment's reference (docs/payments.md). test/payments.e2e-spec.ts walks the whole
 * way through the sandbox gateway; suites about other things take this short cut.
 */
export async function confirmOnlinePayment(stack: TestStack, applicationId: string, reference = 'PG-1') {
  await stack.api
    .get(ApplicationActionsService, { strict: false })
    .perform({ kind: 'system' }, applicationId, { action: 'pay', channel: 'online', reference });
}
