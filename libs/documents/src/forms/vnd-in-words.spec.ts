import { describe, expect, it } from 'vitest';

import { vndInWords } from './vnd-in-words';

describe('an amount in words', () => {
  it('reads fees as receipts write them', () => {
    expect(vndInWords(0)).toBe('Không đồng');
    expect(vndInWords(8_000)).toBe('Tám nghìn đồng');
    expect(vndInWords(50_000)).toBe('Năm mươi nghìn đồng');
    expect(vndInWords(100_000)).toBe('Một trăm nghìn đồng');
    expect(vndInWords(135_000)).toBe('Một trăm ba mươi lăm nghìn đồng');
    expect(vndInWords(215_000)).toBe('Hai trăm mười lăm nghìn đồng');
    expect(vndInWords(721_500)).toBe('Bảy trăm hai mươi mốt nghìn năm trăm đồng');
    expect(vndInWords(1_050_000)).toBe('Một triệu không trăm năm mươi nghìn đồng');
    expect(vndInWords(1_005_004)).toBe('Một triệu không trăm linh năm nghìn không trăm linh bốn đồng');
    expect(vndInWords(24_000)).toBe('Hai mươi tư nghìn đồng');
    expect(vndInWords(2_000_000_000)).toBe('Hai tỷ đồng');
  });

  it('refuses what is not an amount', () => {
    expect(() => vndInWords(-1)).toThrow(RangeError);
    expect(() => vndInWords(1.5)).toThrow(RangeError);
  });
});
