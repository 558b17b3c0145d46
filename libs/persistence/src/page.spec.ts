import { describe, expect, it } from 'vitest';

import { MAX_PAGE, MAX_PAGE_SIZE, pageOffset } from './page';

describe('the offset of a page', () => {
  it('skips the pages before it', () => {
    expect(pageOffset({ page: 1, pageSize: 20 })).toBe(0);
    expect(pageOffset({ page: 3, pageSize: 20 })).toBe(40);
    expect(pageOffset({ page: MAX_PAGE, pageSize: MAX_PAGE_SIZE })).toBe(9_999_900);
  });

  it('is never computed from a page that is not one, nor past the safe integers', () => {
    for (const page of [0, -1, 1.5, Number.NaN, 1e20, Number.POSITIVE_INFINITY]) {
      expect(() => pageOffset({ page, pageSize: 20 })).toThrow(RangeError);
    }
    expect(() => pageOffset({ page: 1, pageSize: 0 })).toThrow(RangeError);
    expect(() => pageOffset({ page: 2 ** 40, pageSize: 2 ** 20 })).toThrow(/out of range/);
  });
});
