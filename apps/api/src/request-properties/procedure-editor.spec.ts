import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { FormField } from '@onegate/domain';
import { validateFormData } from '@onegate/domain';

import { RUNS, validateAs } from '../../../../test/support/request-properties';
import { FormFieldDto } from '../catalogue/admin-procedures.dto';

/** Patterns an administrator might type, the odd ones included: escapes, classes, groups, quantifiers. */
const pattern = fc.oneof(
  fc.constantFrom(
    '[a-z\\-]+',
    '\\-',
    '\\_',
    '[\\w-]+',
    '\\d{2}\\/\\d{4}',
    '(?<year>\\d{4})',
    'a{2,1}',
    '\\p{L}+',
    ']',
    '{',
  ),
  fc.string({ maxLength: 12 }),
  fc.stringMatching(/^[\\[\](){}a-z0-9.*+?|^$-]{1,10}$/),
);

describe('the procedure editor and the form it makes', () => {
  it('accepts only patterns the form can check: a citizen never meets a pattern that fails', async () => {
    await fc.assert(
      fc.asyncProperty(pattern, fc.string({ maxLength: 20 }), async (candidate, answer) => {
        const field = { name: 'plot', label: { vi: 'Thửa', en: 'Plot' }, type: 'text', pattern: candidate };
        const verdict = await validateAs(FormFieldDto, field, 'body');
        if (!verdict.accepted) {
          expect(verdict.fields).toContain('pattern');
          return;
        }
        expect(() => validateFormData([field as FormField], { plot: answer })).not.toThrow();
      }),
      RUNS,
    );
  });
});
