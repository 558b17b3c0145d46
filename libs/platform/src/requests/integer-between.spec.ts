import { IsOptional } from 'class-validator';
import { describe, expect, it } from 'vitest';

import { IntegerBetween, IntegerBetweenPipe } from './integer-between';
import { createValidationPipe } from './validation.pipe';

class Paging {
  @IsOptional()
  @IntegerBetween(1, 1000)
  public page = 1;
}

const pipe = createValidationPipe();
const asQuery = (value: unknown) => pipe.transform(value, { type: 'query', metatype: Paging });
const named = new IntegerBetweenPipe(1, 1000);
const asNamed = async (value: unknown) =>
  named.transform(await pipe.transform(value, { type: 'query', metatype: Number, data: 'page' }), {
    type: 'query',
    metatype: Number,
    data: 'page',
  });

const REFUSED = [
  '99999999999999999999',
  '9'.repeat(400),
  '1001',
  '0',
  '-1',
  '1.5',
  '1e3',
  '0x10',
  ' 7',
  'abc',
  '',
];

describe('a whole number between bounds', () => {
  it('reads decimal digits on a query class and in a named parameter', async () => {
    expect(await asQuery({ page: '3' })).toEqual({ page: 3 });
    expect(await asQuery({ page: '+1000' })).toEqual({ page: 1000 });
    expect(await asQuery({})).toEqual({ page: 1 });
    expect(await asQuery({ page: 12 })).toEqual({ page: 12 });
    expect(await asNamed('1000')).toBe(1000);
    expect(await asNamed(undefined)).toBeUndefined();
  });

  it.each([...REFUSED, ['1', '2'], { toString: 0 }, true, 1.5, Number.NaN])(
    'refuses %j with one problem naming the field and its range',
    async (page) => {
      const problem = { field: 'page', problems: ['page must be a whole number from 1 to 1000'] };
      await expect(asQuery({ page })).rejects.toMatchObject({
        response: { message: 'Invalid page', details: [problem] },
      });
      await expect(asNamed(page)).rejects.toMatchObject({
        response: { message: 'Invalid page', details: [problem] },
      });
    },
  );
});
