import { listField, textFields } from '../core/web-request';

/** The subscription form as typed: agencies as codes separated by commas or spaces, boxes ticked or not. */
export function webhookValues(body: unknown) {
  const fields = textFields(body);
  return {
    url: (fields.url ?? '').trim(),
    description: fields.description ?? '',
    events: listField(body, 'events'),
    agencies: fields.agencies ?? '',
    personalData: fields.personalData === 'true',
    ordered: fields.ordered === 'true',
  };
}

export type WebhookFormValues = ReturnType<typeof webhookValues>;

/** The form's values as the API's request body. */
export function webhookRequestOf(values: WebhookFormValues): Record<string, unknown> {
  return {
    url: values.url,
    ...(values.description.trim() ? { description: values.description } : {}),
    events: values.events,
    agencies: values.agencies.split(/[\s,]+/).filter((code) => code !== ''),
    personalData: values.personalData,
    ordered: values.ordered,
  };
}
