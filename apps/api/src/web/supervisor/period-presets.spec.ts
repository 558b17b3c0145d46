import { describe, expect, it } from 'vitest';

import { monthWords, presetRange, todayIn } from './period-presets';

describe('period presets', () => {
  it('gives a running month, quarter and year ending today', () => {
    expect(presetRange('thisMonth', '2026-05-14')).toEqual({ from: '2026-05-01', to: '2026-05-14' });
    expect(presetRange('thisQuarter', '2026-05-14')).toEqual({ from: '2026-04-01', to: '2026-05-14' });
    expect(presetRange('thisQuarter', '2026-12-31')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(presetRange('thisQuarter', '2026-01-01')).toEqual({ from: '2026-01-01', to: '2026-01-01' });
    expect(presetRange('thisYear', '2026-05-14')).toEqual({ from: '2026-01-01', to: '2026-05-14' });
  });

  it('gives last month as a whole calendar month, across a year and in a leap year', () => {
    expect(presetRange('lastMonth', '2026-05-14')).toEqual({ from: '2026-04-01', to: '2026-04-30' });
    expect(presetRange('lastMonth', '2026-01-31')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetRange('lastMonth', '2028-03-01')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(presetRange('lastMonth', '2027-03-01')).toEqual({ from: '2027-02-01', to: '2027-02-28' });
  });

  it("reads today on the agency's wall clock, not the server's", () => {
    // 17:30 UTC on 31 March is already 1 April in Vietnam (UTC+7).
    const now = new Date('2026-03-31T17:30:00Z');
    expect(todayIn('Asia/Ho_Chi_Minh', now)).toBe('2026-04-01');
    expect(todayIn('UTC', now)).toBe('2026-03-31');
    expect(presetRange('thisQuarter', todayIn('Asia/Ho_Chi_Minh', now)).from).toBe('2026-04-01');
    expect(presetRange('lastMonth', todayIn('Asia/Ho_Chi_Minh', now))).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
    });
  });
});

describe('month words', () => {
  it('writes a month in both languages', () => {
    expect(monthWords('vi', '2026-01')).toBe('Tháng 1/2026');
    expect(monthWords('vi', '2025-12')).toBe('Tháng 12/2025');
    expect(monthWords('en', '2026-01')).toBe('January 2026');
    expect(monthWords('en', '2025-12')).toBe('December 2025');
  });

  it('leaves anything that is not a month as it is', () => {
    expect(monthWords('en', 'HCM-01')).toBe('HCM-01');
  });
});
