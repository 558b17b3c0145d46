import { describe, expect, it } from 'vitest';

import { escapeLike, toSearchText } from './search-text';

describe('toSearchText', () => {
  it('drops Vietnamese accents and case', () => {
    expect(toSearchText('Đăng ký  HỘ KINH DOANH')).toBe('dang ky ho kinh doanh');
    expect(toSearchText('Cấp Phiếu lý lịch tư pháp')).toBe('cap phieu ly lich tu phap');
  });
});

describe('escapeLike', () => {
  it('escapes wildcards and the escape character', () => {
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
  });
});
