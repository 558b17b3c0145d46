/** A calendar date in an agency's time zone, written `YYYY-MM-DD`. */
export type LocalDate = string;

export type Weekday = 'Monday' | 'Tuesday' | 'Wednesday' | 'Thursday' | 'Friday' | 'Saturday' | 'Sunday';

export const MS_PER_SECOND = 1_000;
export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;
export const MINUTES_PER_DAY = 1_440;

interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

// Indexed by the JavaScript day of the week: 0 is Sunday.
const WEEKDAYS: readonly Weekday[] = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];

const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
/** The years a local date may have. */
export const LOCAL_DATE_YEARS = { min: 1, max: 9999 } as const;
const MIN_YEAR = LOCAL_DATE_YEARS.min;
const MAX_YEAR = LOCAL_DATE_YEARS.max;

// Proleptic Gregorian day arithmetic (H. Hinnant's days_from_civil / civil_from_days), so that local dates
// never pass through `Date` and its local-time-zone or two-digit-year quirks. Day 0 is 1970-01-01.
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function civilFromDays(epochDay: number): CivilDate {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1_460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function parseCivilDate(value: unknown): CivilDate | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const match = LOCAL_DATE_PATTERN.exec(value);
  if (!match) {
    return undefined;
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) {
    return undefined;
  }
  const roundTrip = civilFromDays(daysFromCivil(year, month, day));
  return roundTrip.month === month && roundTrip.day === day ? { year, month, day } : undefined;
}

/** True when `value` is a real calendar date written `YYYY-MM-DD` (years 0001 to 9999). */
export function isLocalDate(value: unknown): value is LocalDate {
  return parseCivilDate(value) !== undefined;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date; throws a `RangeError` for anything else. */
export function localDateToEpochDay(date: LocalDate): number {
  const civil = parseCivilDate(date);
  if (!civil) {
    throw new RangeError(
      `Invalid local date ${JSON.stringify(date)}: expected a real date written YYYY-MM-DD`,
    );
  }
  return daysFromCivil(civil.year, civil.month, civil.day);
}

export function epochDayToLocalDate(epochDay: number): LocalDate {
  const { year, month, day } = civilFromDays(epochDay);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`Day ${epochDay} is outside the supported years ${MIN_YEAR}-${MAX_YEAR}`);
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function yearOfEpochDay(epochDay: number): number {
  return civilFromDays(epochDay).year;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return epochDayToLocalDate(localDateToEpochDay(date) + days);
}

export function weekdayOfEpochDay(epochDay: number): Weekday {
  // 1970-01-01 was a Thursday (JavaScript day 4).
  return WEEKDAYS[(((epochDay + 4) % 7) + 7) % 7];
}

export function weekdayOf(date: LocalDate): Weekday {
  return weekdayOfEpochDay(localDateToEpochDay(date));
}

export function isWeekend(weekday: Weekday): boolean {
  return weekday === 'Saturday' || weekday === 'Sunday';
}
