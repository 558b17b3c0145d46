import { describe, expect, it } from 'vitest';

import { indexDayOverrides } from './day-overrides';
import { addDays, weekdayOf } from './local-date';
import { createVietnamWorkingCalendar } from './vietnam-calendar';
import { VIETNAM_DAY_OVERRIDES, VIETNAM_OFFICIAL_SCHEDULES } from './vietnam-official-schedules';

/**
 * The official calendar of each year, written out in full from the government's notices (see
 * docs/working-time.md), independently of the override tables: every day off that falls on a weekday,
 * and every make-up working Saturday. Every other weekday works, every other weekend day rests.
 */
const OFFICIAL: Record<number, { daysOff: string[]; makeUpDays: string[] }> = {
  2020: {
    // New Year; Tết 23-29/1; Hùng Kings 2/4; 30/4; 1/5; National Day 2/9 (one day under the 2012 Code).
    daysOff: ['01-01', '01-23', '01-24', '01-27', '01-28', '01-29', '04-02', '04-30', '05-01', '09-02'],
    makeUpDays: [],
  },
  2021: {
    // New Year (Friday); Tết 10-16/2; Hùng Kings 21/4; 30/4; 1/5 on Saturday, so 3/5; National Day 2-3/9.
    daysOff: [
      '01-01',
      '02-10',
      '02-11',
      '02-12',
      '02-15',
      '02-16',
      '04-21',
      '04-30',
      '05-03',
      '09-02',
      '09-03',
    ],
    makeUpDays: [],
  },
  2022: {
    // New Year on Saturday, so 3/1; Tết 31/1-4/2; Hùng Kings on Sunday 10/4, so 11/4; 30/4 and 1/5 on the
    // weekend, so 2/5 and 3/5; National Day 1-2/9.
    daysOff: [
      '01-03',
      '01-31',
      '02-01',
      '02-02',
      '02-03',
      '02-04',
      '04-11',
      '05-02',
      '05-03',
      '09-01',
      '09-02',
    ],
    makeUpDays: [],
  },
  2023: {
    // New Year on Sunday, so 2/1; Tết 20-26/1; Hùng Kings on Saturday 29/4 and 30/4 on Sunday, so 2/5
    // and 3/5 besides 1/5; National Day 1-2/9 with 2/9 on Saturday, so 4/9.
    daysOff: [
      '01-02',
      '01-20',
      '01-23',
      '01-24',
      '01-25',
      '01-26',
      '05-01',
      '05-02',
      '05-03',
      '09-01',
      '09-04',
    ],
    makeUpDays: [],
  },
  2024: {
    // New Year; Tết 8-14/2; Hùng Kings 18/4; 29/4 swapped with Saturday 4/5; 30/4; 1/5; National Day 2-3/9.
    daysOff: [
      '01-01',
      '02-08',
      '02-09',
      '02-12',
      '02-13',
      '02-14',
      '04-18',
      '04-29',
      '04-30',
      '05-01',
      '09-02',
      '09-03',
    ],
    makeUpDays: ['05-04'],
  },
  2025: {
    // New Year; Tết 27-31/1; Hùng Kings 7/4; 30/4; 1/5; 2/5 swapped with Saturday 26/4; National Day 1-2/9.
    daysOff: [
      '01-01',
      '01-27',
      '01-28',
      '01-29',
      '01-30',
      '01-31',
      '04-07',
      '04-30',
      '05-01',
      '05-02',
      '09-01',
      '09-02',
    ],
    makeUpDays: ['04-26'],
  },
  2026: {
    // New Year with 2/1 swapped with Saturday 10/1; Tết 16-20/2; Hùng Kings on Sunday 26/4, so 27/4; 30/4;
    // 1/5; National Day 1-2/9 with 31/8 swapped with Saturday 22/8.
    daysOff: [
      '01-01',
      '01-02',
      '02-16',
      '02-17',
      '02-18',
      '02-19',
      '02-20',
      '04-27',
      '04-30',
      '05-01',
      '08-31',
      '09-01',
      '09-02',
    ],
    makeUpDays: ['01-10', '08-22'],
  },
};

const YEARS = Object.keys(OFFICIAL).map(Number);

function datesOf(year: number): string[] {
  const dates: string[] = [];
  for (let date = `${year}-01-01`; date.startsWith(String(year)); date = addDays(date, 1)) dates.push(date);
  return dates;
}

function officialWorkingDay(date: string): boolean {
  const { daysOff, makeUpDays } = OFFICIAL[Number(date.slice(0, 4))]!;
  const monthDay = date.slice(5);
  if (makeUpDays.includes(monthDay)) return true;
  if (daysOff.includes(monthDay)) return false;
  return !['Saturday', 'Sunday'].includes(weekdayOf(date));
}

/** The dates of a year on which the shipped calendar and the statutory holidays alone disagree. */
function differencesFromStatutory(year: number): string[] {
  const official = createVietnamWorkingCalendar();
  const statutory = createVietnamWorkingCalendar({ overrides: [] });
  return datesOf(year).filter((date) => official.isWorkingDay(date) !== statutory.isWorkingDay(date));
}

describe('the official calendars of 2020-2026', () => {
  it('lists only weekdays as days off and only weekend days as make-up working days', () => {
    for (const year of YEARS) {
      for (const monthDay of OFFICIAL[year]!.daysOff) {
        expect(weekdayOf(`${year}-${monthDay}`), `${year}-${monthDay}`).not.toMatch(/Saturday|Sunday/);
      }
      for (const monthDay of OFFICIAL[year]!.makeUpDays) {
        expect(weekdayOf(`${year}-${monthDay}`), `${year}-${monthDay}`).toBe('Saturday');
      }
    }
  });

  it.each(YEARS)('agrees with the official %i calendar on every day of the year', (year) => {
    const calendar = createVietnamWorkingCalendar();
    const disagreements = datesOf(year).filter(
      (date) => calendar.isWorkingDay(date) !== officialWorkingDay(date),
    );
    expect(disagreements).toEqual([]);
  });

  it('corrects the statutory 2024 calendar on 8 and 14 February, 29 April, 4 May and 3 September', () => {
    expect(differencesFromStatutory(2024)).toEqual([
      '2024-02-08',
      '2024-02-14',
      '2024-04-29',
      '2024-05-04',
      '2024-09-03',
    ]);
  });

  it('corrects the statutory 2023 calendar on seven days', () => {
    expect(differencesFromStatutory(2023)).toEqual([
      '2023-01-02',
      '2023-01-20',
      '2023-01-26',
      '2023-05-02',
      '2023-05-03',
      '2023-09-01',
      '2023-09-04',
    ]);
  });

  it('ships only days that change the statutory calendar, each in a year with a cited schedule', () => {
    const years = new Set(VIETNAM_OFFICIAL_SCHEDULES.map((schedule) => schedule.year));
    expect([...years]).toEqual(YEARS);
    expect(indexDayOverrides(VIETNAM_DAY_OVERRIDES).size).toBe(VIETNAM_DAY_OVERRIDES.length);
    const changed = new Set(YEARS.flatMap(differencesFromStatutory));
    for (const { date } of VIETNAM_DAY_OVERRIDES) {
      expect(years.has(Number(date.slice(0, 4))), date).toBe(true);
      expect(changed.has(date), date).toBe(true);
    }
    for (const { source } of VIETNAM_OFFICIAL_SCHEDULES) expect(source.trim()).not.toBe('');
  });
});
