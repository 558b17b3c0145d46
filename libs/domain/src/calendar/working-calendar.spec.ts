import { describe, expect, it } from 'vitest';
import { CalendarConfigError } from './calendar-errors';
import { createVietnamWorkingCalendar } from './vietnam-calendar';
import { WorkingCalendar } from './working-calendar';

/** An instant given as Vietnam wall-clock time, `YYYY-MM-DDTHH:MM`. */
const vn = (local: string): Date => new Date(`${local}:00+07:00`);

describe('WorkingCalendar (Vietnam, default office hours)', () => {
  const calendar = createVietnamWorkingCalendar();

  describe('addWorkingTime', () => {
    it('carries Friday 16:00 + 2h over the weekend to Monday 09:00', () => {
      expect(calendar.addWorkingTime(vn('2025-03-07T16:00'), 2)).toEqual(vn('2025-03-10T09:00'));
    });

    it('ends at 12:00, not 13:00, when the hours run out at the end of the morning', () => {
      expect(calendar.addWorkingTime(vn('2025-03-11T11:00'), 1)).toEqual(vn('2025-03-11T12:00'));
    });

    it('ends at 17:00 the same day for 16:30 + 0.5h', () => {
      expect(calendar.addWorkingTime(vn('2025-03-11T16:30'), 0.5)).toEqual(vn('2025-03-11T17:00'));
    });

    it('starts a Saturday request on Monday morning: Saturday 10:00 + 1h is Monday 09:00', () => {
      expect(calendar.addWorkingTime(vn('2025-03-08T10:00'), 1)).toEqual(vn('2025-03-10T09:00'));
    });

    it('starts a lunch-time request at 13:00: 12:30 + 1h is 14:00', () => {
      expect(calendar.addWorkingTime(vn('2025-03-11T12:30'), 1)).toEqual(vn('2025-03-11T14:00'));
    });

    it('returns t itself for 0 hours inside office hours, else the next office-hours start', () => {
      expect(calendar.addWorkingTime(vn('2025-03-11T09:17'), 0)).toEqual(vn('2025-03-11T09:17'));
      expect(calendar.addWorkingTime(vn('2025-03-11T12:00'), 0)).toEqual(vn('2025-03-11T13:00'));
      expect(calendar.addWorkingTime(vn('2025-03-11T17:00'), 0)).toEqual(vn('2025-03-12T08:00'));
      expect(calendar.addWorkingTime(vn('2025-03-11T06:00'), 0)).toEqual(vn('2025-03-11T08:00'));
    });

    it('counts fractions of an hour exactly', () => {
      expect(calendar.addWorkingTime(vn('2025-03-11T08:00'), 4 + 20 / 60)).toEqual(vn('2025-03-11T13:20'));
      expect(calendar.addWorkingTime(new Date('2025-03-11T08:00:30+07:00'), 1 / 60)).toEqual(
        new Date('2025-03-11T08:01:30+07:00'),
      );
    });

    it('keeps 8 working hours = one working day', () => {
      expect(calendar.addWorkingTime(vn('2025-03-11T10:00'), 8)).toEqual(vn('2025-03-12T10:00'));
      expect(calendar.addWorkingTime(vn('2025-03-11T08:00'), 8)).toEqual(vn('2025-03-11T17:00'));
    });

    it('skips Tết 2026 (16/2 to 20/2, nine days off with the weekends)', () => {
      expect(calendar.addWorkingTime(vn('2026-02-13T16:00'), 2)).toEqual(vn('2026-02-23T09:00'));
    });

    it('skips Tết 2025, including the official day off on Monday 27/1', () => {
      expect(calendar.addWorkingTime(vn('2025-01-24T16:00'), 2)).toEqual(vn('2025-02-03T09:00'));
    });

    it('skips 30/4-1/5/2025 and the swapped Friday 2/5', () => {
      expect(calendar.addWorkingTime(vn('2025-04-29T16:00'), 2)).toEqual(vn('2025-05-05T09:00'));
    });

    it('works on the make-up Saturday 26/4/2025', () => {
      expect(calendar.addWorkingTime(vn('2025-04-25T16:00'), 2)).toEqual(vn('2025-04-26T09:00'));
    });

    it('walks 1000 working hours (125 working days) quickly', () => {
      const fresh = createVietnamWorkingCalendar();
      const started = performance.now();
      const end = fresh.addWorkingTime(vn('2025-03-03T08:00'), 1000);
      expect(performance.now() - started).toBeLessThan(500);
      expect(fresh.workingTimeBetween(vn('2025-03-03T08:00'), end)).toBe(1000);
      expect(end.getTime() % 3_600_000).toBe(0);
    });

    it('rejects negative, non-finite hours and invalid dates', () => {
      expect(() => calendar.addWorkingTime(vn('2025-03-11T08:00'), -1)).toThrow(RangeError);
      expect(() => calendar.addWorkingTime(vn('2025-03-11T08:00'), Number.NaN)).toThrow(RangeError);
      expect(() => calendar.addWorkingTime(new Date('nonsense'), 1)).toThrow(RangeError);
    });
  });

  describe('workingTimeBetween', () => {
    it('counts a weekend and the National Day 2025 days off (1/9, 2/9) as no time', () => {
      expect(calendar.workingTimeBetween(vn('2025-08-29T08:00'), vn('2025-09-03T08:00'))).toBe(8);
      expect(calendar.workingTimeBetween(vn('2025-08-29T15:30'), vn('2025-09-03T10:15'))).toBe(1.5 + 2.25);
    });

    it('counts the make-up Saturday and skips the 30/4-1/5/2025 break', () => {
      expect(calendar.workingTimeBetween(vn('2025-04-24T13:00'), vn('2025-05-05T12:00'))).toBe(
        4 + 8 + 8 + 8 + 8 + 4,
      );
    });

    it('ignores lunch and nights, and is 0 for an empty or reversed range', () => {
      expect(calendar.workingTimeBetween(vn('2025-03-11T11:30'), vn('2025-03-11T13:30'))).toBe(1);
      expect(calendar.workingTimeBetween(vn('2025-03-11T17:00'), vn('2025-03-12T08:00'))).toBe(0);
      expect(calendar.workingTimeBetween(vn('2025-03-11T10:00'), vn('2025-03-11T10:00'))).toBe(0);
      expect(calendar.workingTimeBetween(vn('2025-03-12T10:00'), vn('2025-03-11T10:00'))).toBe(0);
    });
  });

  describe('days', () => {
    it('classifies weekends, holidays, official days off and make-up days', () => {
      expect(calendar.classifyDay('2025-03-08')).toMatchObject({
        working: false,
        kind: 'weekend',
        reason: 'weekend',
      });
      expect(calendar.classifyDay('2026-02-18')).toMatchObject({
        weekday: 'Wednesday',
        working: false,
        reason: 'public_holiday: Tết Nguyên Đán',
      });
      expect(calendar.classifyDay('2025-05-02').reason).toMatch(/^official_day_off: /);
      expect(calendar.classifyDay('2025-04-26')).toMatchObject({
        weekday: 'Saturday',
        working: true,
        kind: 'make_up_working_day',
      });
      expect(calendar.classifyDay('2025-03-11')).toMatchObject({ working: true, reason: 'working_day' });
    });

    it('treats the make-up Saturdays as working days and observances as normal days', () => {
      expect(calendar.isWorkingDay('2025-04-26')).toBe(true);
      expect(calendar.isWorkingDay('2026-01-10')).toBe(true);
      expect(calendar.isWorkingDay('2026-08-22')).toBe(true);
      expect(calendar.isWorkingDay('2025-03-27')).toBe(true);
      expect(calendar.isWorkingDay('2025-10-06')).toBe(true); // Mid-Autumn, an observance
    });

    it('gives the local date of an instant in the agency time zone', () => {
      expect(calendar.localDateOf(new Date('2025-03-10T16:59:59Z'))).toBe('2025-03-10');
      expect(calendar.localDateOf(new Date('2025-03-10T17:00:00Z'))).toBe('2025-03-11');
    });

    it('lists office intervals as instants, none on a day off', () => {
      expect(calendar.officeIntervalsOn('2025-03-11')).toEqual([
        { start: vn('2025-03-11T08:00'), end: vn('2025-03-11T12:00') },
        { start: vn('2025-03-11T13:00'), end: vn('2025-03-11T17:00') },
      ]);
      expect(calendar.officeIntervalsOn('2025-09-01')).toEqual([]);
      expect(calendar.isWithinOfficeHours(vn('2025-03-11T08:00'))).toBe(true);
      expect(calendar.isWithinOfficeHours(vn('2025-03-11T12:00'))).toBe(false);
    });

    it('rejects malformed local dates', () => {
      expect(() => calendar.isWorkingDay('2025-02-30')).toThrow(RangeError);
      expect(() => calendar.isWorkingDay('11/03/2025')).toThrow(RangeError);
    });
  });
});

describe('WorkingCalendar with another time zone and office hours', () => {
  const tokyo = new WorkingCalendar({
    timeZone: 'Asia/Tokyo',
    officeHours: [{ start: '09:00', end: '17:30' }],
    overrides: [{ date: '2025-03-20', kind: 'day_off', reason: 'Vernal Equinox Day' }],
    holidays: [],
  });
  const jst = (local: string): Date => new Date(`${local}:00+09:00`);

  it('walks Tokyo office hours, 09:00-17:30 without a lunch break', () => {
    expect(tokyo.addWorkingTime(jst('2025-03-07T17:00'), 1)).toEqual(jst('2025-03-10T09:30'));
    expect(tokyo.addWorkingTime(jst('2025-03-10T09:00'), 8.5)).toEqual(jst('2025-03-10T17:30'));
    expect(tokyo.addWorkingTime(jst('2025-03-19T17:00'), 1)).toEqual(jst('2025-03-21T09:30'));
    expect(tokyo.workingTimeBetween(jst('2025-03-10T00:00'), jst('2025-03-11T00:00'))).toBe(8.5);
    expect(tokyo.localDateOf(new Date('2025-03-10T15:00:00Z'))).toBe('2025-03-11');
  });

  it('follows daylight saving time without assuming a fixed offset (Europe/Berlin)', () => {
    const berlin = new WorkingCalendar({ timeZone: 'Europe/Berlin', overrides: [], holidays: [] });
    // Friday 28/3/2025 16:00 CET (UTC+1), clocks go forward on Sunday 30/3, Monday 09:00 is CEST (UTC+2).
    expect(berlin.addWorkingTime(new Date('2025-03-28T15:00:00Z'), 2)).toEqual(
      new Date('2025-03-31T07:00:00Z'),
    );
    expect(berlin.officeIntervalsOn('2025-10-27')[0].start).toEqual(new Date('2025-10-27T07:00:00Z'));
  });

  it('accepts holidays as a function of the year', () => {
    const calendar = new WorkingCalendar({
      overrides: [],
      holidays: (year) => [{ date: `${year}-03-11`, name: 'Test day' }],
    });
    expect(calendar.classifyDay('2031-03-11').reason).toBe('public_holiday: Test day');
  });

  it('rejects invalid configuration', () => {
    expect(() => new WorkingCalendar({ timeZone: 'Mars/Olympus', overrides: [], holidays: [] })).toThrow(
      CalendarConfigError,
    );
    expect(() => new WorkingCalendar({ officeHours: [], overrides: [], holidays: [] })).toThrow(
      CalendarConfigError,
    );
    expect(
      () => new WorkingCalendar({ overrides: [], holidays: [{ date: '2025-13-01', name: 'Nope' }] }),
    ).toThrow(CalendarConfigError);
  });

  it('refuses to walk forever when office time never comes', () => {
    const closed = new WorkingCalendar({
      overrides: [],
      holidays: (year) =>
        Array.from({ length: 366 }, (_, index) => {
          const date = new Date(Date.UTC(year, 0, 1 + index)).toISOString().slice(0, 10);
          return { date, name: 'Closed' };
        }),
    });
    expect(() => closed.addWorkingTime(vn('2025-03-11T08:00'), 1)).toThrow(CalendarConfigError);
  });
});
