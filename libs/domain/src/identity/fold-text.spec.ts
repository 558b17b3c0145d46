import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText } from './fold-text';

describe('foldText', () => {
  it.each([
    ['Nguyễn Văn Đức', 'nguyen van duc'],
    ['ĐẶNG THỊ HOÀNG', 'dang thi hoang'],
    ['Mật khẩu', 'mat khau'],
    ['Hoa\u0300ng', 'hoang'],
    ['Łódź', 'łodz'],
    ['東京', '東京'],
  ])('folds %j to %j', (value, expected) => {
    expect(foldText(value)).toBe(expected);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (value) => {
        expect(foldText(foldText(value))).toBe(foldText(value));
      }),
    );
  });
});
