import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { addDays } from '@onegate/domain';

import type { PeriodRange } from './period-ranges';
import { BEGINNING, monthsBetween, periodRanges } from './period-ranges';

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
    expect(periodRanges('2025-12-20', '2026-01-10')).toEqual([
      { grain: 'day', from: '2025-12-20', to: '2026-01-10' },
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

  it('leaves a month short of its last day in days: 28 February of a leap year is not the end', () => {
    expect(periodRanges('2024-02-01', '2024-02-28')).toEqual([
      { grain: 'day', from: '2024-02-01', to: '2024-02-28' },
    ]);
    expect(periodRanges('2023-02-01', '2023-02-28')).toEqual([
      { grain: 'month', from: '2023-02', to: '2023-02' },
    ]);
  });

  it('reads a whole year from one yearly row, leap year or not', () => {
    expect(periodRanges('2025-01-01', '2025-12-31')).toEqual([{ grain: 'year', from: '2025', to: '2025' }]);
    expect(periodRanges('2024-01-01', '2024-12-31')).toEqual([{ grain: 'year', from: '2024', to: '2024' }]);
    expect(periodRanges('2023-01-01', '2026-12-31')).toEqual([{ grain: 'year', from: '2023', to: '2026' }]);
  });

  it('reads the months and days around whole years from monthly and daily rows', () => {
    expect(periodRanges('2023-11-15', '2026-02-10')).toEqual([
      { grain: 'day', from: '2023-11-15', to: '2023-11-30' },
      { grain: 'month', from: '2023-12', to: '2023-12' },
      { grain: 'year', from: '2024', to: '2025' },
      { grain: 'month', from: '2026-01', to: '2026-01' },
      { grain: 'day', from: '2026-02-01', to: '2026-02-10' },
    ]);
    expect(periodRanges('2024-01-01', '2025-02-28')).toEqual([
      { grain: 'year', from: '2024', to: '2024' },
      { grain: 'month', from: '2025-01', to: '2025-02' },
    ]);
  });

  it('keeps a period starting mid-year in months and days, even across the new year', () => {
    expect(periodRanges('2025-07-01', '2025-12-31')).toEqual([
      { grain: 'month', from: '2025-07', to: '2025-12' },
    ]);
    expect(periodRanges('2025-06-15', '2026-06-30')).toEqual([
      { grain: 'day', from: '2025-06-15', to: '2025-06-30' },
      { grain: 'month', from: '2025-07', to: '2026-06' },
    ]);
    expect(periodRanges('2025-03-02', '2026-12-31')).toEqual([
      { grain: 'day', from: '2025-03-02', to: '2025-03-31' },
      { grain: 'month', from: '2025-04', to: '2025-12' },
      { grain: 'year', from: '2026', to: '2026' },
    ]);
  });

  it('covers everything up to a date from the beginning of time in a few rows per key', () => {
    expect(periodRanges(BEGINNING, '2025-03-05')).toEqual([
      { grain: 'year', from: '0001', to: '2024' },
      { grain: 'month', from: '2025-01', to: '2025-02' },
      { grain: 'day', from: '2025-03-01', to: '2025-03-05' },
    ]);
    expect(periodRanges(BEGINNING, '2025-12-31')).toEqual([{ grain: 'year', from: '0001', to: '2025' }]);
    expect(periodRanges(BEGINNING, '2025-01-31')).toEqual([
      { grain: 'year', from: '0001', to: '2024' },
      { grain: 'month', from: '2025-01', to: '2025-01' },
    ]);
    expect(periodRanges(BEGINNING, '2025-01-01')).toEqual([
      { grain: 'year', from: '0001', to: '2024' },
      { grain: 'day', from: '2025-01-01', to: '2025-01-01' },
    ]);
    expect(periodRanges(BEGINNING, BEGINNING)).toEqual([{ grain: 'day', from: BEGINNING, to: BEGINNING }]);
  });

  it('stops at months when asked, as sums grouped by month must', () => {
    expect(periodRanges('2024-12-15', '2026-01-31', 'month')).toEqual([
      { grain: 'day', from: '2024-12-15', to: '2024-12-31' },
      { grain: 'month', from: '2025-01', to: '2026-01' },
    ]);
    expect(periodRanges('2025-01-01', '2025-01-31', 'day')).toEqual([
      { grain: 'day', from: '2025-01-01', to: '2025-01-31' },
    ]);
  });

  it('is empty for an empty period', () => {
    expect(periodRanges('2025-02-01', '2025-01-31')).toEqual([]);
  });

  it('covers every date of any period exactly once, with each row whole inside it', () => {
    const date = fc.integer({ min: 0, max: 4 * 366 }).map((offset) => addDays('2023-01-01', offset));
    fc.assert(
      fc.property(date, date, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        expect(datesOf(periodRanges(from, to))).toEqual(datesOf([{ grain: 'day', from, to }]));
      }),
      { numRuns: 300 },
    );
  });

  it('lists the months of a period', () => {
    expect(monthsBetween('2024-11-30', '2025-02-01')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
  });
});

/** Every date the rows of the ranges sum, in order (a date twice would show twice). */
function datesOf(ranges: readonly PeriodRange[]): string[] {
  const dates: string[] = [];
  for (const range of ranges) {
    const first =
      range.grain === 'day'
        ? range.from
        : range.grain === 'month'
          ? `${range.from}-01`
          : `${range.from}-01-01`;
    const end =
      range.grain === 'day' ? range.to : range.grain === 'month' ? `${range.to}-31` : `${range.to}-12-31`;
    for (let day = first; day <= end; day = addDays(day, 1)) {
      dates.push(day);
    }
  }
  return dates;
}
