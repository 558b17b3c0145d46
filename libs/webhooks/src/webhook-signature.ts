import { randomBytes } from 'node:crypto';

import { Webhook } from 'standardwebhooks';

const SECRET_BYTES = 32;

/** A new endpoint secret as the Standard Webhooks specification writes it: `whsec_` and base64. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(SECRET_BYTES).toString('base64')}`;

/**
 * The Standard Webhooks headers of one request: `webhook-signature` lists one `v1,<base64>` signature
 * per secret (the current one first), so a receiver holding either secret verifies it during a rotation.
 */
export function signedHeaders(
  messageId: string,
  at: Date,
  body: string,
  secrets: readonly string[],
): Record<string, string> {
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': secrets.map((secret) => new Webhook(secret).sign(messageId, at, body)).join(' '),
  };
}
