import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, epochDayToLocalDate, isLocalDate, localDateToEpochDay, weekdayOf } from './local-date';

describe('local dates', () => {
  it('accepts only real dates written YYYY-MM-DD', () => {
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2025-02-29')).toBe(false);
    expect(isLocalDate('2100-02-29')).toBe(false);
    expect(isLocalDate('2025-4-1')).toBe(false);
    expect(isLocalDate('0000-01-01')).toBe(false);
    expect(isLocalDate(20250401)).toBe(false);
  });

  it('counts days and weekdays like the UTC Date', () => {
    expect(localDateToEpochDay('1970-01-01')).toBe(0);
    expect(weekdayOf('2026-02-17')).toBe('Tuesday');
    expect(addDays('2024-12-31', 60)).toBe('2025-03-01');
    fc.assert(
      fc.property(fc.integer({ min: -700_000, max: 2_900_000 }), (day) => {
        const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
        expect(epochDayToLocalDate(day)).toBe(iso);
        expect(localDateToEpochDay(iso)).toBe(day);
      }),
    );
  });
});
