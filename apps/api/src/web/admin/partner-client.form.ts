import { listField, textFields } from '../core/web-request';

/** The partner client form as typed: agencies as codes separated by commas or spaces, scopes ticked. */
export function partnerClientValues(body: unknown) {
  const fields = textFields(body);
  return {
    name: fields.name ?? '',
    scopes: listField(body, 'scopes'),
    agencies: fields.agencies ?? '',
  };
}

export type PartnerClientFormValues = ReturnType<typeof partnerClientValues>;

/** The form's values as the API's request body. */
export function partnerClientRequestOf(values: PartnerClientFormValues): Record<string, unknown> {
  return {
    name: values.name.trim(),
    scopes: values.scopes,
    agencies: values.agencies.split(/[\s,]+/).filter((code) => code !== ''),
  };
}
