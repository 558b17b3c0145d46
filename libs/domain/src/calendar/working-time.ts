import { CalendarConfigError } from './calendar-errors';
import { MS_PER_HOUR } from './local-date';

/** Processing times are kept in working hours; one working day is 8 working hours, whatever the office hours. */
export const WORKING_HOURS_PER_DAY = 8;

export function workingDaysToHours(days: number): number {
  return days * WORKING_HOURS_PER_DAY;
}

export function workingHoursToDays(hours: number): number {
  return hours / WORKING_HOURS_PER_DAY;
}

/** Working hours as whole milliseconds, the unit all calculations use so that sums and differences are exact. */
export function workingHoursToMilliseconds(hours: number): number {
  if (typeof hours !== 'number' || !Number.isFinite(hours) || hours < 0) {
    throw new RangeError(`Working hours must be a finite number >= 0, got ${String(hours)}`);
  }
  return Math.round(hours * MS_PER_HOUR);
}

export function millisecondsToWorkingHours(ms: number): number {
  return ms / MS_PER_HOUR;
}

/** Office time as a half-open span of UTC instants, `[startMs, endMs)`. */
export interface OfficeSpan {
  readonly startMs: number;
  readonly endMs: number;
}

/**
 * Office time laid out on local days. The spans of a day lie inside that local day (the last one may end at
 * the next midnight), are sorted and do not overlap; a day that is not a working day has none.
 */
export interface OfficeTimeline {
  epochDayOf(instantMs: number): number;
  officeSpansOn(epochDay: number): readonly OfficeSpan[];
}

// Guards against a configuration in which office time never comes (for example years of days off).
const MAX_DAYS_WITHOUT_OFFICE_TIME = 3_660;

/**
 * The instant at which `amountMs` of office time has elapsed after `startMs`, walking whole spans (never
 * minute by minute). When the amount runs out exactly at the end of a span, the result is that end (17:00),
 * not the next start. With an amount of 0 the result is `startMs` itself when it lies inside a span, else the
 * next span start: spans are half-open, so an instant exactly at a span end (12:00, 17:00) is outside it.
 */
export function addOfficeTime(timeline: OfficeTimeline, startMs: number, amountMs: number): number {
  let cursor = startMs;
  let remaining = amountMs;
  let day = timeline.epochDayOf(startMs);
  let daysWithoutOfficeTime = 0;
  for (;;) {
    const spans = timeline.officeSpansOn(day);
    for (const span of spans) {
      if (span.endMs <= cursor) {
        continue;
      }
      const from = Math.max(span.startMs, cursor);
      const available = span.endMs - from;
      if (remaining <= available) {
        return from + remaining;
      }
      remaining -= available;
      cursor = span.endMs;
    }
    daysWithoutOfficeTime = spans.length === 0 ? daysWithoutOfficeTime + 1 : 0;
    if (daysWithoutOfficeTime > MAX_DAYS_WITHOUT_OFFICE_TIME) {
      throw new CalendarConfigError(
        `No office hours in the ${MAX_DAYS_WITHOUT_OFFICE_TIME} consecutive days before local day ${day}; check the day overrides and holidays`,
      );
    }
    day += 1;
  }
}

/** The office time in `[fromMs, toMs)`, in milliseconds; 0 when `toMs <= fromMs`. */
export function officeTimeBetween(timeline: OfficeTimeline, fromMs: number, toMs: number): number {
  if (toMs <= fromMs) {
    return 0;
  }
  let total = 0;
  const lastDay = timeline.epochDayOf(toMs);
  for (let day = timeline.epochDayOf(fromMs); day <= lastDay; day += 1) {
    for (const span of timeline.officeSpansOn(day)) {
      const overlap = Math.min(span.endMs, toMs) - Math.max(span.startMs, fromMs);
      if (overlap > 0) {
        total += overlap;
      }
    }
  }
  return total;
}
