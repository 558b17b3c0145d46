import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createVietnamWorkingCalendar } from './vietnam-calendar';
import { WorkingCalendar } from './working-calendar';

const MIN_INSTANT = Date.parse('2024-01-01T00:00:00+07:00');
const MAX_INSTANT = Date.parse('2027-12-31T23:59:59+07:00');
const instant = fc.integer({ min: MIN_INSTANT, max: MAX_INSTANT }).map((ms) => new Date(ms));
const wholeMinuteHours = fc.integer({ min: 0, max: 400 * 60 }).map((minutes) => minutes / 60);

function isOfficeTimeOrIntervalEnd(calendar: WorkingCalendar, at: Date): boolean {
  const date = calendar.localDateOf(at);
  return (
    calendar.isWorkingDay(date) &&
    calendar
      .officeIntervalsOn(date)
      .some((interval) => interval.start.getTime() <= at.getTime() && at.getTime() <= interval.end.getTime())
  );
}

describe.each([
  ['Vietnam, default office hours', createVietnamWorkingCalendar()],
  [
    'Berlin (daylight saving time), 07:30-11:45 and 12:15-16:00',
    new WorkingCalendar({
      timeZone: 'Europe/Berlin',
      officeHours: [
        { start: '07:30', end: '11:45' },
        { start: '12:15', end: '16:00' },
      ],
      overrides: [{ date: '2025-06-14', kind: 'working_day', reason: 'make-up Saturday' }],
      holidays: [{ date: '2025-12-25', name: 'Christmas' }],
    }),
  ],
])('WorkingCalendar properties: %s', (_name, calendar) => {
  it('workingTimeBetween(a, addWorkingTime(a, h)) = h', () => {
    fc.assert(
      fc.property(instant, wholeMinuteHours, (a, h) => {
        expect(calendar.workingTimeBetween(a, calendar.addWorkingTime(a, h))).toBe(h);
      }),
    );
  });

  it('addWorkingTime lands inside office hours, or exactly at an interval end, on a working day', () => {
    fc.assert(
      fc.property(instant, wholeMinuteHours, (a, h) => {
        const end = calendar.addWorkingTime(a, h);
        expect(isOfficeTimeOrIntervalEnd(calendar, end)).toBe(true);
        expect(end.getTime()).toBeGreaterThanOrEqual(a.getTime());
      }),
    );
  });

  it('addWorkingTime is monotonic in h', () => {
    fc.assert(
      fc.property(instant, wholeMinuteHours, wholeMinuteHours, (a, h1, h2) => {
        const [low, high] = h1 <= h2 ? [h1, h2] : [h2, h1];
        expect(calendar.addWorkingTime(a, low).getTime()).toBeLessThanOrEqual(
          calendar.addWorkingTime(a, high).getTime(),
        );
      }),
    );
  });

  it('addWorkingTime(t, 0) is t inside office hours, else the next office-hours start', () => {
    fc.assert(
      fc.property(instant, (t) => {
        const moved = calendar.addWorkingTime(t, 0);
        if (calendar.isWithinOfficeHours(t)) {
          expect(moved).toEqual(t);
        } else {
          expect(moved.getTime()).toBeGreaterThan(t.getTime());
          expect(calendar.isWithinOfficeHours(moved)).toBe(true);
          expect(calendar.workingMillisecondsBetween(t, moved)).toBe(0);
        }
      }),
    );
  });

  it('workingTimeBetween is additive: wtb(a, b) + wtb(b, c) = wtb(a, c) for a <= b <= c', () => {
    fc.assert(
      fc.property(instant, instant, instant, (x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p.getTime() - q.getTime());
        const ab = calendar.workingMillisecondsBetween(a, b);
        const bc = calendar.workingMillisecondsBetween(b, c);
        expect(ab + bc).toBe(calendar.workingMillisecondsBetween(a, c));
        expect(calendar.workingTimeBetween(a, b) + calendar.workingTimeBetween(b, c)).toBeCloseTo(
          calendar.workingTimeBetween(a, c),
          9,
        );
      }),
      { numRuns: 50 },
    );
  });

  it('workingTimeBetween is 0 when b <= a', () => {
    fc.assert(
      fc.property(instant, instant, (x, y) => {
        const [b, a] = [x, y].sort((p, q) => p.getTime() - q.getTime());
        expect(calendar.workingTimeBetween(a, b)).toBe(0);
      }),
    );
  });
});
