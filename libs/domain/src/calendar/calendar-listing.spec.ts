import { describe, expect, it } from 'vitest';
import { CalendarRangeError } from './calendar-errors';
import { listCalendar } from './calendar-listing';
import { createVietnamWorkingCalendar } from './vietnam-calendar';

function rangeErrorOf(action: () => unknown): CalendarRangeError {
  try {
    action();
  } catch (error) {
    if (error instanceof CalendarRangeError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a CalendarRangeError');
}

describe('listCalendar', () => {
  const calendar = createVietnamWorkingCalendar();

  it('lists the 30/4-1/5/2025 week with its holidays, swapped day and weekend', () => {
    const listing = listCalendar(calendar, { from: '2025-04-28', to: '2025-05-04' });
    expect(listing).toMatchObject({
      from: '2025-04-28',
      to: '2025-05-04',
      timeZone: 'Asia/Ho_Chi_Minh',
      officeHours: [
        { start: '08:00', end: '12:00' },
        { start: '13:00', end: '17:00' },
      ],
      workingHoursPerDay: 8,
    });
    expect(listing.days).toEqual([
      { date: '2025-04-28', weekday: 'Monday', working: true, reason: 'working_day' },
      { date: '2025-04-29', weekday: 'Tuesday', working: true, reason: 'working_day' },
      {
        date: '2025-04-30',
        weekday: 'Wednesday',
        working: false,
        reason: 'public_holiday: Ngày Giải phóng miền Nam',
      },
      { date: '2025-05-01', weekday: 'Thursday', working: false, reason: 'public_holiday: Quốc tế Lao động' },
      {
        date: '2025-05-02',
        weekday: 'Friday',
        working: false,
        reason: 'official_day_off: nghỉ lễ 30/4-1/5, hoán đổi với thứ Bảy 26/04/2025',
      },
      { date: '2025-05-03', weekday: 'Saturday', working: false, reason: 'weekend' },
      { date: '2025-05-04', weekday: 'Sunday', working: false, reason: 'weekend' },
    ]);
  });

  it('lists the make-up Saturday before it as working', () => {
    const days = listCalendar(calendar, { from: '2025-04-26', to: '2025-04-27' }).days;
    expect(days[0]).toEqual({
      date: '2025-04-26',
      weekday: 'Saturday',
      working: true,
      reason: 'make_up_working_day: làm bù cho thứ Sáu 02/05/2025 (nghỉ lễ 30/4-1/5)',
    });
    expect(days[1]).toMatchObject({ working: false, reason: 'weekend' });
  });

  it('lists Tết 2026 as public holidays between two weekends', () => {
    const days = listCalendar(calendar, { from: '2026-02-14', to: '2026-02-23' }).days;
    expect(days.map((day) => day.reason)).toEqual([
      'weekend',
      'weekend',
      ...Array.from({ length: 5 }, () => 'public_holiday: Tết Nguyên Đán'),
      'weekend',
      'weekend',
      'working_day',
    ]);
  });

  it('accepts a single day and a whole leap year', () => {
    expect(listCalendar(calendar, { from: '2025-03-11', to: '2025-03-11' }).days).toHaveLength(1);
    expect(listCalendar(calendar, { from: '2028-01-01', to: '2028-12-31' }).days).toHaveLength(366);
  });

  it('rejects from after to, naming from', () => {
    const error = rangeErrorOf(() => listCalendar(calendar, { from: '2025-05-02', to: '2025-05-01' }));
    expect(error.parameter).toBe('from');
    expect(error.message).toContain('from');
  });

  it('rejects ranges over 366 days, naming to', () => {
    const error = rangeErrorOf(() => listCalendar(calendar, { from: '2025-01-01', to: '2026-01-02' }));
    expect(error.parameter).toBe('to');
    expect(error.message).toContain('366');
  });

  it('rejects missing and malformed dates, naming the parameter', () => {
    expect(rangeErrorOf(() => listCalendar(calendar, { to: '2025-05-01' })).parameter).toBe('from');
    expect(
      rangeErrorOf(() => listCalendar(calendar, { from: '2025-05-01', to: '2025-02-30' })).parameter,
    ).toBe('to');
    expect(rangeErrorOf(() => listCalendar(calendar, { from: '1/5/2025', to: '2025-05-01' })).parameter).toBe(
      'from',
    );
  });
});
