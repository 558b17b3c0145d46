import type { CalendarRangeParameter } from './calendar-errors';
import { CalendarRangeError } from './calendar-errors';
import type { LocalDate, Weekday } from './local-date';
import { epochDayToLocalDate, isLocalDate, localDateToEpochDay } from './local-date';
import type { OfficeInterval } from './office-hours';
import type { WorkingCalendar } from './working-calendar';
import { WORKING_HOURS_PER_DAY } from './working-time';

/** The longest listing, in days counted inclusively: a whole leap year. */
export const MAX_CALENDAR_LISTING_DAYS = 366;

export interface CalendarListingDay {
  readonly date: LocalDate;
  readonly weekday: Weekday;
  readonly working: boolean;
  readonly reason: string;
}

export interface CalendarListing {
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly timeZone: string;
  readonly officeHours: readonly OfficeInterval[];
  readonly workingHoursPerDay: number;
  readonly days: readonly CalendarListingDay[];
}

export interface CalendarListingQuery {
  readonly from?: string;
  readonly to?: string;
}

function parseQueryDate(parameter: CalendarRangeParameter, value: string | undefined): number {
  if (value === undefined || value === '') {
    throw new CalendarRangeError(parameter, `${parameter} is required, written YYYY-MM-DD`);
  }
  if (!isLocalDate(value)) {
    throw new CalendarRangeError(
      parameter,
      `${parameter} must be a real date written YYYY-MM-DD, got ${JSON.stringify(value)}`,
    );
  }
  return localDateToEpochDay(value);
}

/**
 * Every local date of the inclusive range `from`..`to` with whether it is a working day and why, plus the
 * agency's office hours and time zone (`GET /api/calendar?from=YYYY-MM-DD&to=YYYY-MM-DD`). Throws a
 * `CalendarRangeError` naming the parameter when a date is missing or invalid, when `from` is after `to`, or
 * when the range covers more than 366 days.
 */
export function listCalendar(
  calendar: Pick<WorkingCalendar, 'timeZone' | 'officeHours' | 'classifyDay'>,
  query: CalendarListingQuery,
): CalendarListing {
  const fromDay = parseQueryDate('from', query.from);
  const toDay = parseQueryDate('to', query.to);
  if (fromDay > toDay) {
    throw new CalendarRangeError('from', `from (${query.from}) must not be after to (${query.to})`);
  }
  const dayCount = toDay - fromDay + 1;
  if (dayCount > MAX_CALENDAR_LISTING_DAYS) {
    throw new CalendarRangeError(
      'to',
      `to (${query.to}) is ${dayCount} days from ${query.from} counting both; at most ${MAX_CALENDAR_LISTING_DAYS} days can be listed`,
    );
  }
  const days: CalendarListingDay[] = [];
  for (let day = fromDay; day <= toDay; day += 1) {
    const { date, weekday, working, reason } = calendar.classifyDay(epochDayToLocalDate(day));
    days.push({ date, weekday, working, reason });
  }
  return {
    from: epochDayToLocalDate(fromDay),
    to: epochDayToLocalDate(toDay),
    timeZone: calendar.timeZone,
    officeHours: calendar.officeHours,
    workingHoursPerDay: WORKING_HOURS_PER_DAY,
    days,
  };
}
