import type { Language } from '@onegate/domain';
import { WEBHOOK_EVENT_TYPES } from '@onegate/webhooks';
import type { WebhookDeliveryPage, WebhookSubscriptionDto } from '@onegate/webhooks';

import { errorsOf } from '../core/form-outcome';
import type { FieldProblem, FormErrors } from '../core/form-problems';
import { formatDateTime } from '../core/formatters';
import { translate } from '../core/messages';
import type { WebhookFormValues } from './webhook.form';

/** An event type's name in the catalogue: `file.decided` is `webhookEvent.file_decided`. */
const eventLabelKey = (type: string) => `webhookEvent.${type.replace(/\./g, '_')}`;

const BLANK: WebhookFormValues = {
  url: '',
  description: '',
  events: [],
  agencies: '',
  personalData: false,
  ordered: false,
};

/** The list of subscriptions and the form that registers one. */
export function webhooksView(
  language: Language,
  subscriptions: WebhookSubscriptionDto[],
  values: WebhookFormValues | null,
  errors: FormErrors | null,
) {
  const form = values ?? BLANK;
  return {
    titleKey: 'adminWebhooks.title',
    subscriptions: subscriptions.map((subscription) => ({
      ...subscription,
      eventCount: subscription.events.length,
      createdAt: formatDateTime(language, subscription.createdAt),
    })),
    total: subscriptions.length,
    values: form,
    events: WEBHOOK_EVENT_TYPES.map((type) => ({
      value: type,
      labelKey: eventLabelKey(type),
      checked: form.events.includes(type),
    })),
    errors,
  };
}

/** One subscription: its settings, its secret when just made, and its deliveries with their tries. */
export function webhookView(
  language: Language,
  subscription: WebhookSubscriptionDto,
  deliveries: WebhookDeliveryPage,
  secret: string | null,
) {
  const at = (value: string | null) => (value ? formatDateTime(language, value) : '');
  return {
    titleText: subscription.url,
    subscription: {
      ...subscription,
      agencies: subscription.agencies.join(', '),
      events: subscription.events.map((type) => ({ value: type, labelKey: eventLabelKey(type) })),
      disabledAt: at(subscription.disabledAt),
      failingSince: at(subscription.failingSince),
      previousSecretUntil: at(subscription.previousSecretUntil),
    },
    secret,
    deliveries: deliveries.items.map((delivery) => ({
      ...delivery,
      createdAt: at(delivery.createdAt),
      nextAttemptAt: at(delivery.nextAttemptAt),
      failed: delivery.state === 'failed',
      eventLabelKey: eventLabelKey(delivery.eventType),
      tries: delivery.tries.map((attempt) => ({ ...attempt, at: at(attempt.at) })),
    })),
    total: deliveries.total,
    hasFailed: deliveries.items.some((delivery) => delivery.state === 'failed'),
    breadcrumbs: [{ key: 'nav.adminWebhooks', href: '/admin/webhooks' }, { text: subscription.url }],
  };
}

export function webhookErrors(language: Language, problems: FieldProblem[]): FormErrors {
  return errorsOf(
    language,
    problems,
    (field) => field.split('.')[0],
    (id) => translate(language, `adminWebhooks.${id}`),
  );
}
