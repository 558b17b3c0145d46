import { describe, expect, it } from 'vitest';
import { CalendarConfigError } from './calendar-errors';
import type { DayOverride } from './day-overrides';
import { indexDayOverrides } from './day-overrides';
import { DEFAULT_OFFICE_HOURS, parseOfficeHours } from './office-hours';

describe('parseOfficeHours', () => {
  it('parses the default office hours to minutes', () => {
    expect(parseOfficeHours(DEFAULT_OFFICE_HOURS)).toEqual([
      { startMinute: 480, endMinute: 720 },
      { startMinute: 780, endMinute: 1020 },
    ]);
    expect(parseOfficeHours([{ start: '22:00', end: '24:00' }])).toEqual([
      { startMinute: 1320, endMinute: 1440 },
    ]);
  });

  it.each([
    [[]],
    [[{ start: '8:00', end: '12:00' }]],
    [[{ start: '08:00', end: '24:01' }]],
    [[{ start: '24:00', end: '24:00' }]],
    [[{ start: '12:00', end: '08:00' }]],
    [
      [
        { start: '13:00', end: '17:00' },
        { start: '08:00', end: '12:00' },
      ],
    ],
    [
      [
        { start: '08:00', end: '12:00' },
        { start: '11:00', end: '17:00' },
      ],
    ],
  ])('rejects %j', (intervals) => {
    expect(() => parseOfficeHours(intervals)).toThrow(CalendarConfigError);
  });
});

describe('indexDayOverrides', () => {
  it('indexes overrides by date', () => {
    const index = indexDayOverrides([{ date: '2025-04-26', kind: 'working_day', reason: 'make-up day' }]);
    expect(index.get('2025-04-26')?.kind).toBe('working_day');
  });

  it.each([
    [{ date: '2025-02-30', kind: 'day_off', reason: 'x' }],
    [{ date: '2025-04-26', kind: 'holiday', reason: 'x' }],
    [{ date: '2025-04-26', kind: 'day_off', reason: ' ' }],
  ])('rejects %j', (override) => {
    expect(() => indexDayOverrides([override as DayOverride])).toThrow(CalendarConfigError);
  });

  it('rejects two overrides for one date', () => {
    const override: DayOverride = { date: '2025-04-26', kind: 'day_off', reason: 'x' };
    expect(() => indexDayOverrides([override, override])).toThrow(/more than once/);
  });
});
