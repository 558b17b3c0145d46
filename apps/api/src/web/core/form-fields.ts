import type { FormField, Language } from '@onegate/domain';

/** A field of a procedure's form, ready for the `form-field` partial. */
export interface FieldView {
  id: string;
  name: string;
  label: string;
  kind: 'input' | 'textarea' | 'select' | 'checkbox';
  inputType: string;
  value: string;
  checked: boolean;
  options: { value: string; selected: boolean }[];
  required: boolean;
  inputmode: string | null;
  autocomplete: string | null;
  error: string | null;
}

const INPUTS: Record<
  FormField['type'],
  Pick<FieldView, 'kind' | 'inputType' | 'inputmode' | 'autocomplete'>
> = {
  text: { kind: 'input', inputType: 'text', inputmode: null, autocomplete: null },
  longtext: { kind: 'textarea', inputType: 'text', inputmode: null, autocomplete: null },
  number: { kind: 'input', inputType: 'text', inputmode: 'decimal', autocomplete: 'off' },
  date: { kind: 'input', inputType: 'date', inputmode: null, autocomplete: null },
  select: { kind: 'select', inputType: 'text', inputmode: null, autocomplete: null },
  checkbox: { kind: 'checkbox', inputType: 'checkbox', inputmode: null, autocomplete: null },
  nationalId: { kind: 'input', inputType: 'text', inputmode: 'numeric', autocomplete: 'off' },
  phone: { kind: 'input', inputType: 'tel', inputmode: null, autocomplete: 'tel' },
  email: { kind: 'input', inputType: 'email', inputmode: null, autocomplete: 'email' },
};

/** Common field names whose browser autofill hint is known. */
const AUTOCOMPLETE_BY_NAME: Record<string, string> = { fullName: 'name', email: 'email', phone: 'tel' };

export const fieldId = (name: string) => `field-${name}`;

/** A field's label in the reader's language (Vietnamese when it has none in theirs). */
export const fieldLabel = (field: FormField, language: Language) => field.label[language] || field.label.vi;

/** Each field's label in the reader's language, by the id of its input. */
export function fieldLabels(schema: readonly FormField[], language: Language): Map<string, string> {
  return new Map(schema.map((field) => [fieldId(field.name), fieldLabel(field, language)]));
}

export function fieldViews(
  schema: readonly FormField[],
  values: Record<string, unknown>,
  errors: Record<string, string>,
  language: Language,
): FieldView[] {
  return schema.map((field) => {
    const value = values[field.name];
    const text = value === undefined || value === null || typeof value === 'boolean' ? '' : String(value);
    const input = INPUTS[field.type];
    return {
      id: fieldId(field.name),
      name: field.name,
      label: fieldLabel(field, language),
      ...input,
      autocomplete: AUTOCOMPLETE_BY_NAME[field.name] ?? input.autocomplete,
      value: text,
      checked: value === true,
      options: (field.options ?? []).map((option) => ({ value: option, selected: option === text })),
      required: field.required === true,
      error: errors[fieldId(field.name)] ?? null,
    };
  });
}

/**
 * The posted answers as form data of the right types. Blank answers are left out; a number that does
 * not read as one is kept as typed, so the form check names it.
 */
export function parseFormFields(
  schema: readonly FormField[],
  posted: Record<string, string>,
): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of schema) {
    const raw = posted[field.name];
    if (field.type === 'checkbox') {
      data[field.name] = raw === 'true';
      continue;
    }
    const text = (raw ?? '').trim();
    if (text === '') continue;
    if (field.type === 'number') {
      const number = Number(text.replace(/\s/g, '').replace(',', '.'));
      data[field.name] = Number.isFinite(number) ? number : text;
    } else if (field.type === 'nationalId') {
      data[field.name] = text.replace(/\s/g, '');
    } else {
      data[field.name] = text;
    }
  }
  return data;
}

/** The id of a form's field for a service's field path (`formData.x`), or null if it is not one. */
export function formFieldOf(path: string): string | null {
  const match = /^formData\.([A-Za-z][A-Za-z0-9_]*)/.exec(path);
  return match ? fieldId(match[1]) : null;
}
