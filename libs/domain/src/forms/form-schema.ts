import { isValidNationalId } from '../identity/national-id';
import { isValidVietnamesePhone } from '../identity/phone';

export const FORM_FIELD_TYPES = [
  'text',
  'longtext',
  'number',
  'date',
  'select',
  'checkbox',
  'nationalId',
  'phone',
  'email',
] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

export interface FormField {
  name: string;
  label: { vi: string; en: string };
  type: FormFieldType;
  required?: boolean;
  /** Length for text, value for numbers, earliest/latest for dates (as YYYY-MM-DD strings there). */
  min?: number | string;
  max?: number | string;
  pattern?: string;
  options?: string[];
}

export interface FieldProblem {
  field: string;
  problems: string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** How a field's pattern is matched: against the whole answer, in Unicode mode. Throws if it does not compile. */
export function fieldPattern(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`, 'u');
}

/**
 * Checks form data against a procedure's form schema. Field paths are `formData.<name>`; unknown
 * fields are problems too, so nothing unchecked is stored.
 */
export function validateFormData(
  schema: readonly FormField[],
  data: Record<string, unknown>,
): FieldProblem[] {
  const known = new Set(schema.map((field) => field.name));
  const problems: FieldProblem[] = Object.keys(data)
    .filter((name) => !known.has(name))
    .map((name) => ({ field: `formData.${name}`, problems: ['is not a field of this form'] }));
  for (const field of schema) {
    // Own values only: a field named "constructor" or "toString" must not read what every object inherits.
    const value = Object.prototype.hasOwnProperty.call(data, field.name) ? data[field.name] : undefined;
    const found = problemsOf(field, value);
    if (found.length > 0) problems.push({ field: `formData.${field.name}`, problems: found });
  }
  return problems;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function problemsOf(field: FormField, value: unknown): string[] {
  if (isBlank(value)) return field.required ? ['is required'] : [];
  switch (field.type) {
    case 'text':
    case 'longtext':
      return typeof value === 'string' ? textProblems(field, value) : ['must be text'];
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
        ? rangeProblems(field, value)
        : ['must be a number'];
    case 'date':
      return typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(value))
        ? dateProblems(field, value)
        : ['must be a date (YYYY-MM-DD)'];
    case 'select':
      return typeof value === 'string' && (field.options ?? []).includes(value)
        ? []
        : [`must be one of: ${(field.options ?? []).join(', ')}`];
    case 'checkbox':
      if (typeof value !== 'boolean') return ['must be true or false'];
      return field.required && !value ? ['must be checked'] : [];
    case 'nationalId':
      return typeof value === 'string' && isValidNationalId(value)
        ? []
        : ['must be a valid 12-digit citizen ID number'];
    case 'phone':
      return typeof value === 'string' && isValidVietnamesePhone(value)
        ? []
        : ['must be a Vietnamese phone number'];
    case 'email':
      return typeof value === 'string' && EMAIL.test(value) ? [] : ['must be an e-mail address'];
  }
}

function textProblems(field: FormField, value: string): string[] {
  const problems: string[] = [];
  const length = [...value].length;
  if (typeof field.min === 'number' && length < field.min)
    problems.push(`must be at least ${field.min} characters`);
  if (typeof field.max === 'number' && length > field.max)
    problems.push(`must be at most ${field.max} characters`);
  if (field.pattern && !fieldPattern(field.pattern).test(value)) problems.push('has the wrong format');
  return problems;
}

function rangeProblems(field: FormField, value: number): string[] {
  const problems: string[] = [];
  if (typeof field.min === 'number' && value < field.min) problems.push(`must be at least ${field.min}`);
  if (typeof field.max === 'number' && value > field.max) problems.push(`must be at most ${field.max}`);
  return problems;
}

function dateProblems(field: FormField, value: string): string[] {
  const problems: string[] = [];
  if (typeof field.min === 'string' && value < field.min) problems.push(`must be on or after ${field.min}`);
  if (typeof field.max === 'string' && value > field.max) problems.push(`must be on or before ${field.max}`);
  return problems;
}
