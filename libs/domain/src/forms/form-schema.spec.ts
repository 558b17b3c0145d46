import { describe, expect, it } from 'vitest';

import type { FormField } from './form-schema';
import { validateFormData } from './form-schema';

const field = (name: string, type: FormField['type'], extra: Partial<FormField> = {}): FormField => ({
  name,
  label: { vi: name, en: name },
  type,
  ...extra,
});

const schema: FormField[] = [
  field('fullName', 'text', { required: true, min: 2, max: 50 }),
  field('capital', 'number', { min: 0, max: 1e12 }),
  field('birthDate', 'date', { required: true, max: '2026-12-31' }),
  field('kind', 'select', { options: ['a', 'b'] }),
  field('agree', 'checkbox', { required: true }),
  field('nationalId', 'nationalId'),
  field('phone', 'phone'),
  field('email', 'email'),
  field('plot', 'text', { pattern: '[0-9]+/[0-9]+' }),
];

describe('validateFormData', () => {
  it('accepts valid data', () => {
    expect(
      validateFormData(schema, {
        fullName: 'Nguyễn Văn A',
        capital: 50_000_000,
        birthDate: '1990-05-01',
        kind: 'a',
        agree: true,
        nationalId: '022090001234',
        phone: '0912345678',
        email: 'a@example.vn',
        plot: '12/345',
      }),
    ).toEqual([]);
  });

  it('names every failing field with its path', () => {
    const problems = validateFormData(schema, {
      fullName: 'A',
      capital: -1,
      birthDate: '01/05/1990',
      kind: 'c',
      agree: false,
      nationalId: '123',
      phone: 'abc',
      email: 'nope',
      plot: '12-345',
      extra: 'x',
    });
    expect(problems.map((problem) => problem.field).sort()).toEqual([
      'formData.agree',
      'formData.birthDate',
      'formData.capital',
      'formData.email',
      'formData.extra',
      'formData.fullName',
      'formData.kind',
      'formData.nationalId',
      'formData.phone',
      'formData.plot',
    ]);
  });

  it('requires required fields only', () => {
    expect(validateFormData(schema, {})).toEqual([
      { field: 'formData.fullName', problems: ['is required'] },
      { field: 'formData.birthDate', problems: ['is required'] },
      { field: 'formData.agree', problems: ['is required'] },
    ]);
  });
});
