import { describe, expect, it } from 'vitest';
import { indexDayOverrides } from './day-overrides';
import { addDays } from './local-date';
import { createVietnamWorkingCalendar } from './vietnam-calendar';
import { VIETNAM_DAY_OVERRIDES_2025_2026 } from './vietnam-day-overrides';
import { TET_NGUYEN_DAN, vietnamPublicHolidays } from './vietnam-holidays';

function workingDaysIn(year: number): number {
  const calendar = createVietnamWorkingCalendar();
  let count = 0;
  for (let date = `${year}-01-01`; date.startsWith(String(year)); date = addDays(date, 1)) {
    count += calendar.isWorkingDay(date) ? 1 : 0;
  }
  return count;
}

describe('vietnamPublicHolidays', () => {
  it('gives the statutory days off of 2026, lunar ones converted, Tết as five days', () => {
    expect(vietnamPublicHolidays(2026)).toEqual([
      { date: '2026-01-01', name: 'Tết Dương lịch' },
      { date: '2026-02-16', name: TET_NGUYEN_DAN },
      { date: '2026-02-17', name: TET_NGUYEN_DAN },
      { date: '2026-02-18', name: TET_NGUYEN_DAN },
      { date: '2026-02-19', name: TET_NGUYEN_DAN },
      { date: '2026-02-20', name: TET_NGUYEN_DAN },
      { date: '2026-04-26', name: 'Giỗ tổ Hùng Vương' },
      { date: '2026-04-30', name: 'Ngày Giải phóng miền Nam' },
      { date: '2026-05-01', name: 'Quốc tế Lao động' },
      { date: '2026-09-02', name: 'Quốc khánh' },
    ]);
  });

  it('puts Hùng Kings day on 10/3 lunar and Tết 2025 from the eve 28/1', () => {
    const holidays = vietnamPublicHolidays(2025);
    expect(holidays).toContainEqual({ date: '2025-04-07', name: 'Giỗ tổ Hùng Vương' });
    expect(
      holidays.filter((holiday) => holiday.name === TET_NGUYEN_DAN).map((holiday) => holiday.date),
    ).toEqual(['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01']);
  });

  it('leaves out observances such as Women’s Day and Mid-Autumn', () => {
    const dates = vietnamPublicHolidays(2025).map((holiday) => holiday.date);
    expect(dates).not.toContain('2025-03-08');
    expect(dates).not.toContain('2025-10-06');
  });
});

describe('VIETNAM_DAY_OVERRIDES_2025_2026', () => {
  it('is a valid override list', () => {
    expect(indexDayOverrides(VIETNAM_DAY_OVERRIDES_2025_2026).size).toBe(
      VIETNAM_DAY_OVERRIDES_2025_2026.length,
    );
  });

  it('makes the official 2025 calendar: 250 working days', () => {
    // 261 weekdays, minus 1/1, 27-31/1, 7/4, 30/4, 1/5, 2/5, 1/9, 2/9, plus Saturday 26/4.
    expect(workingDaysIn(2025)).toBe(261 - 12 + 1);
  });

  it('makes the official 2026 calendar: 250 working days', () => {
    // 261 weekdays, minus 1/1, 2/1, 16-20/2, 27/4, 30/4, 1/5, 31/8, 1/9, 2/9, plus Saturdays 10/1 and 22/8.
    expect(workingDaysIn(2026)).toBe(261 - 13 + 2);
  });
});
