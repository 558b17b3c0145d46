import { IsInt, IsOptional } from 'class-validator';
import { describe, expect, it } from 'vitest';

import { NumberFromText } from './number-from-text';
import { createValidationPipe } from './validation.pipe';

class Paging {
  @IsOptional()
  @NumberFromText()
  @IsInt()
  public page?: number;
}

const pipe = createValidationPipe();
const asBody = (value: unknown) => pipe.transform(value, { type: 'body', metatype: Paging });

describe('a number sent as text', () => {
  it('becomes the number, from a query string or a JSON body', async () => {
    expect(await pipe.transform({ page: '3' }, { type: 'query', metatype: Paging })).toEqual({ page: 3 });
    expect(await asBody({ page: 4 })).toEqual({ page: 4 });
  });

  it('refuses by name what is not one, objects that cannot become text included', async () => {
    for (const page of [{ toString: 0 }, { valueOf: 'x' }, ['1', '2'], true, 'two']) {
      await expect(asBody({ page })).rejects.toMatchObject({
        response: { details: [{ field: 'page' }] },
      });
    }
  });
});
