import { describe, expect, it } from 'vitest';

import { monthsBetween, periodRanges } from './period-ranges';

describe('period ranges', () => {
  it('reads whole months from monthly rows and the days around them from daily rows', () => {
    expect(periodRanges('2025-01-15', '2025-04-10')).toEqual([
      { grain: 'day', from: '2025-01-15', to: '2025-01-31' },
      { grain: 'month', from: '2025-02', to: '2025-03' },
      { grain: 'day', from: '2025-04-01', to: '2025-04-10' },
    ]);
  });

  it('keeps a period inside one month, or across two partial months, in days', () => {
    expect(periodRanges('2025-02-10', '2025-02-20')).toEqual([
      { grain: 'day', from: '2025-02-10', to: '2025-02-20' },
    ]);
    expect(periodRanges('2025-01-20', '2025-02-10')).toEqual([
      { grain: 'day', from: '2025-01-20', to: '2025-02-10' },
    ]);
  });

  it('uses months alone for whole months, leap February included', () => {
    expect(periodRanges('2024-01-01', '2024-02-29')).toEqual([
      { grain: 'month', from: '2024-01', to: '2024-02' },
    ]);
    expect(periodRanges('2024-12-01', '2025-01-05')).toEqual([
      { grain: 'month', from: '2024-12', to: '2024-12' },
      { grain: 'day', from: '2025-01-01', to: '2025-01-05' },
    ]);
  });

  it('covers everything up to a date from the beginning of time', () => {
    expect(periodRanges('0001-01-01', '2025-03-05')).toEqual([
      { grain: 'month', from: '0001-01', to: '2025-02' },
      { grain: 'day', from: '2025-03-01', to: '2025-03-05' },
    ]);
  });

  it('lists the months of a period', () => {
    expect(monthsBetween('2024-11-30', '2025-02-01')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
  });
});
