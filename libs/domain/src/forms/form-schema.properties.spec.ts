import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { BIRTH_REGISTRATION_PROVINCES } from '../identity';
import type { FormField } from './form-schema';
import { FORM_FIELD_TYPES, validateFormData } from './form-schema';

const RUNS = { numRuns: 200 };
const TYPES = FORM_FIELD_TYPES;

/** Names of the editor's rule (a letter, then letters, digits or _), the inherited ones of every object included. */
const fieldName = fc.oneof(
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,12}$/),
  fc.constantFrom('constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'),
);

const field: fc.Arbitrary<FormField> = fc
  .record({
    name: fieldName,
    type: fc.constantFrom(...TYPES),
    required: fc.boolean(),
    bounds: fc.option(fc.tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 20 }))),
    options: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 4 }),
  })
  .map(({ name, type, required, bounds, options }) => ({
    name,
    label: { vi: name, en: name },
    type,
    required,
    ...(bounds && type !== 'date' ? { min: bounds[0], max: bounds[0] + bounds[1] } : {}),
    ...(type === 'select' ? { options } : {}),
  }));

const schema = fc.uniqueArray(field, { maxLength: 6, selector: (entry) => entry.name });

const digits = (length: number) => fc.stringMatching(new RegExp(`^\\d{${length}}$`));

/** A value the field must accept. */
function validValue(entry: FormField): fc.Arbitrary<unknown> {
  const min = typeof entry.min === 'number' ? entry.min : 0;
  const max = typeof entry.max === 'number' ? entry.max : 40;
  switch (entry.type) {
    case 'text':
    case 'longtext':
      return fc.string({ minLength: Math.max(min, 1), maxLength: max }).filter((text) => text.trim() !== '');
    case 'number':
      return fc.integer({ min, max });
    case 'date':
      return fc
        .date({
          min: new Date('1950-01-01T00:00:00Z'),
          max: new Date('2030-12-31T00:00:00Z'),
          noInvalidDate: true,
        })
        .map((date) => date.toISOString().slice(0, 10));
    case 'select':
      return fc.constantFrom(...entry.options!);
    case 'checkbox':
      return entry.required ? fc.constant(true) : fc.boolean();
    case 'nationalId':
      return fc
        .tuple(
          fc.constantFrom(...Object.keys(BIRTH_REGISTRATION_PROVINCES)),
          fc.constantFrom('0', '1'),
          digits(8),
        )
        .map((parts) => parts.join(''));
    case 'phone':
      return digits(8).map((rest) => `09${rest}`);
    case 'email':
      return fc.stringMatching(/^[a-z]{1,8}$/).map((local) => `${local}@example.vn`);
  }
}

const schemaWithValidData = schema.chain((fields) =>
  fc.tuple(
    fc.constant(fields),
    fc.record(Object.fromEntries(fields.map((entry) => [entry.name, validValue(entry)])), {
      requiredKeys: fields.filter((entry) => entry.required).map((entry) => entry.name),
    }),
  ),
);

const hostileData = fc.dictionary(fc.oneof(fieldName, fc.string()), fc.jsonValue({ maxDepth: 3 }));

describe('validateFormData, for any schema the procedure editor accepts', () => {
  it('never throws on arbitrary data, and names only fields of the data or the schema', () => {
    fc.assert(
      fc.property(schema, hostileData, (fields, data) => {
        const names = new Set([...fields.map((entry) => entry.name), ...Object.keys(data)]);
        for (const problem of validateFormData(fields, data)) {
          expect(names.has(problem.field.replace(/^formData\./, ''))).toBe(true);
          expect(problem.problems.length).toBeGreaterThan(0);
        }
      }),
      RUNS,
    );
  });

  it('accepts every valid form, and a form leaving out what is optional', () => {
    fc.assert(
      fc.property(schemaWithValidData, ([fields, data]) => {
        expect(validateFormData(fields, data)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('refuses a value of the wrong kind, or a field the form does not have, naming it', () => {
    fc.assert(
      fc.property(
        schemaWithValidData,
        fc.nat(),
        fc.string({ minLength: 1 }),
        ([fields, data], pick, stranger) => {
          if (fields.length > 0) {
            const target = fields[pick % fields.length]!;
            const wrong = target.type === 'text' || target.type === 'longtext' ? 42 : { not: 'a value' };
            const problems = validateFormData(fields, { ...data, [target.name]: wrong });
            expect(problems.map((problem) => problem.field)).toContain(`formData.${target.name}`);
          }
          const unknown = `${stranger}_`;
          fc.pre(!fields.some((entry) => entry.name === unknown));
          const problems = validateFormData(fields, { ...data, [unknown]: 'x' });
          expect(problems).toContainEqual({
            field: `formData.${unknown}`,
            problems: ['is not a field of this form'],
          });
        },
      ),
      RUNS,
    );
  });
});
