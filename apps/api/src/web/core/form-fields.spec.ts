import { describe, expect, it } from 'vitest';

import type { FormField } from '@onegate/domain';

import { fieldViews, parseFormFields } from './form-fields';
import { translateProblem } from './form-problems';
import { localPath } from './web-cookies';

const field = (name: string, type: FormField['type'], extra: Partial<FormField> = {}): FormField => ({
  name,
  label: { vi: `Nhãn ${name}`, en: `Label ${name}` },
  type,
  ...extra,
});

const SCHEMA: FormField[] = [
  field('name', 'text', { required: true }),
  field('story', 'longtext'),
  field('capital', 'number'),
  field('born', 'date'),
  field('kind', 'select', { options: ['a', 'b'] }),
  field('agree', 'checkbox'),
  field('nationalId', 'nationalId'),
  field('phone', 'phone'),
  field('email', 'email'),
];

describe('procedure forms', () => {
  it('offer an input of the right kind for every field type', () => {
    const views = fieldViews(SCHEMA, { kind: 'b', agree: true }, { 'field-name': 'bắt buộc' }, 'en');
    expect(views.map((view) => `${view.kind}:${view.inputType}`)).toEqual([
      'input:text',
      'textarea:text',
      'input:text',
      'input:date',
      'select:text',
      'checkbox:checkbox',
      'input:text',
      'input:tel',
      'input:email',
    ]);
    expect(views[0]).toMatchObject({ label: 'Label name', required: true, error: 'bắt buộc' });
    expect(views[4].options).toEqual([
      { value: 'a', selected: false },
      { value: 'b', selected: true },
    ]);
    expect(views[5].checked).toBe(true);
  });

  it('read posted answers with their types, leaving blanks out and odd numbers for the check to name', () => {
    expect(
      parseFormFields(SCHEMA, {
        name: ' Bình ',
        story: '',
        capital: '1 000,5',
        agree: 'true',
        nationalId: '0220 9000 1234',
      }),
    ).toEqual({ name: 'Bình', capital: 1000.5, agree: true, nationalId: '022090001234' });
    expect(parseFormFields(SCHEMA, { capital: 'many' })).toMatchObject({ capital: 'many', agree: false });
  });

  it('name problems in the reader’s language', () => {
    expect(translateProblem('vi', 'is required')).toBe('bắt buộc phải nhập');
    expect(translateProblem('en', 'must be at least 3 characters')).toBe('must be at least 3 characters');
    expect(translateProblem('vi', 'must be one of: a, b')).toBe('phải là một trong: a, b');
    expect(translateProblem('vi', 'something new')).toBe('something new');
  });

  it('only go back to paths of this site after signing in', () => {
    expect(localPath('/my/applications')).toBe('/my/applications');
    expect(localPath('//evil.example/')).toBe('/');
    expect(localPath('https://evil.example/')).toBe('/');
    expect(localPath('/\\evil.example')).toBe('/');
  });
});
