import { CalendarConfigError } from './calendar-errors';
import { MINUTES_PER_DAY } from './local-date';

/** One block of office hours in local wall-clock time, `HH:MM` to `HH:MM` (`24:00` allowed as an end). */
export interface OfficeInterval {
  readonly start: string;
  readonly end: string;
}

/** An office interval as minutes after local midnight, half-open: `[startMinute, endMinute)`. */
export interface OfficeMinutes {
  readonly startMinute: number;
  readonly endMinute: number;
}

export const DEFAULT_OFFICE_HOURS: readonly OfficeInterval[] = Object.freeze([
  Object.freeze({ start: '08:00', end: '12:00' }),
  Object.freeze({ start: '13:00', end: '17:00' }),
]);

const CLOCK_TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

function parseClockTime(value: unknown, field: 'start' | 'end'): number {
  if (field === 'end' && value === '24:00') {
    return MINUTES_PER_DAY;
  }
  const match = typeof value === 'string' ? CLOCK_TIME_PATTERN.exec(value) : null;
  if (!match) {
    throw new CalendarConfigError(
      `Office hours ${field} ${JSON.stringify(value)} is not a time written HH:MM between 00:00 and ${field === 'end' ? '24:00' : '23:59'}`,
    );
  }
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Validates office hours: at least one interval, each non-empty, in ascending order without overlaps. */
export function parseOfficeHours(intervals: readonly OfficeInterval[]): readonly OfficeMinutes[] {
  if (!Array.isArray(intervals) || intervals.length === 0) {
    throw new CalendarConfigError('Office hours must contain at least one interval');
  }
  const parsed: OfficeMinutes[] = [];
  for (const interval of intervals) {
    const startMinute = parseClockTime(interval?.start, 'start');
    const endMinute = parseClockTime(interval?.end, 'end');
    if (endMinute <= startMinute) {
      throw new CalendarConfigError(
        `Office hours interval ${interval.start}-${interval.end} must end after it starts`,
      );
    }
    const previous = parsed[parsed.length - 1];
    if (previous && startMinute < previous.endMinute) {
      throw new CalendarConfigError(
        `Office hours interval ${interval.start}-${interval.end} overlaps or precedes the interval before it; list intervals in ascending order`,
      );
    }
    parsed.push({ startMinute, endMinute });
  }
  return parsed;
}
