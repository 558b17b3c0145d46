import type { FormField, Language } from '@onegate/domain';
import { localTime } from '@onegate/platform';

const MAX_VALUE_LENGTH = 500;

/** An instant as the recipient reads it: local time of the agency, day first, 24-hour clock. */
export function formatInstant(instant: Date, timeZone: string, language: Language): string {
  const { date, time } = localTime(instant, timeZone);
  return language === 'vi' ? `${time} ngày ${date}` : `${date} at ${time}`;
}

export interface DisplayedField {
  label: string;
  value: string;
}

/**
 * The form as the applicant filled it, labelled in their language. National ID numbers show only their
 * last four digits: an e-mail may be read by others than its recipient.
 */
export function displayedFields(
  schema: readonly FormField[],
  data: Record<string, unknown>,
  language: Language,
): DisplayedField[] {
  const fields: DisplayedField[] = [];
  for (const field of schema) {
    const value = data[field.name];
    if (value === undefined || value === null || value === '') continue;
    fields.push({ label: field.label[language] || field.name, value: displayValue(field, value, language) });
  }
  return fields;
}

function displayValue(field: FormField, value: unknown, language: Language): string {
  if (field.type === 'checkbox' || typeof value === 'boolean') {
    return value ? (language === 'vi' ? 'Có' : 'Yes') : language === 'vi' ? 'Không' : 'No';
  }
  const text = Array.isArray(value) ? value.map(String).join(', ') : String(value);
  if (field.type === 'nationalId') return `••••••••${text.slice(-4)}`;
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH)}…` : text;
}
