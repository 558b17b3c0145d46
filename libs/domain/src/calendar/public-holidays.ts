import type { LocalDate } from './local-date';

/** A public holiday (a day off by law) on one local date. Multi-day holidays are one entry per date. */
export interface PublicHoliday {
  readonly date: LocalDate;
  readonly name: string;
}

/**
 * Where a calendar gets its public holidays: a fixed list, or a function returning the holidays of a
 * Gregorian year (called at most once per year and calendar; it may also return days of the next year).
 */
export type HolidaySource = readonly PublicHoliday[] | ((year: number) => readonly PublicHoliday[]);
