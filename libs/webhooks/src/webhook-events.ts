import type { Action } from '@onegate/domain';

/** The events a subscription may ask for (docs/webhooks.md, "Events"). */
export const WEBHOOK_EVENT_TYPES = [
  'file.submitted',
  'file.received',
  'file.refused',
  'file.supplement_requested',
  'file.supplemented',
  'file.extended',
  'file.decided',
  'file.returned',
  'file.withdrawn',
  'payment.paid',
  'feedback.answered',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The test ping an administrator sends; no subscription asks for it. */
export const PING_EVENT_TYPE = 'webhook.ping';

/** Which action of a file raises which event; the other actions (assignment, steps…) raise none. */
const EVENT_OF_ACTION: Partial<Record<Action, WebhookEventType>> = {
  submit: 'file.submitted',
  register_counter: 'file.received',
  receive: 'file.received',
  refuse: 'file.refused',
  request_supplement: 'file.supplement_requested',
  supplement: 'file.supplemented',
  extend: 'file.extended',
  approve: 'file.decided',
  deny: 'file.decided',
  return: 'file.returned',
  withdraw: 'file.withdrawn',
  pay: 'payment.paid',
};

export function webhookEventOf(action: Action): WebhookEventType | null {
  return EVENT_OF_ACTION[action] ?? null;
}
