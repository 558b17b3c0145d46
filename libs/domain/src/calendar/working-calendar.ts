import { CalendarConfigError } from './calendar-errors';
import type { DayOverride } from './day-overrides';
import { indexDayOverrides } from './day-overrides';
import type { LocalDate, Weekday } from './local-date';
import {
  epochDayToLocalDate,
  isLocalDate,
  isWeekend,
  localDateToEpochDay,
  weekdayOfEpochDay,
  yearOfEpochDay,
} from './local-date';
import type { OfficeInterval, OfficeMinutes } from './office-hours';
import { DEFAULT_OFFICE_HOURS, parseOfficeHours } from './office-hours';
import type { HolidaySource, PublicHoliday } from './public-holidays';
import { DEFAULT_TIME_ZONE, TimeZone } from './time-zone';
import type { OfficeSpan, OfficeTimeline } from './working-time';
import {
  addOfficeTime,
  millisecondsToWorkingHours,
  officeTimeBetween,
  workingHoursToMilliseconds,
} from './working-time';

export type DayKind =
  'working_day' | 'weekend' | 'public_holiday' | 'official_day_off' | 'make_up_working_day';

export interface DayClassification {
  readonly date: LocalDate;
  readonly weekday: Weekday;
  readonly working: boolean;
  readonly kind: DayKind;
  /** `working_day`, `weekend`, or the kind and its detail, e.g. `public_holiday: Tết Nguyên Đán`. */
  readonly reason: string;
}

/** Office hours of one day as instants, half-open: `[start, end)`. */
export interface InstantInterval {
  readonly start: Date;
  readonly end: Date;
}

export interface WorkingCalendarConfig {
  /** IANA time zone of the agency; defaults to `Asia/Ho_Chi_Minh`. */
  readonly timeZone?: string;
  /** Local office hours; default 08:00-12:00 and 13:00-17:00. */
  readonly officeHours?: readonly OfficeInterval[];
  readonly overrides: readonly DayOverride[];
  readonly holidays: HolidaySource;
}

interface DayEntry {
  readonly classification: DayClassification;
  spans?: readonly OfficeSpan[];
}

// Bounds the per-day cache of a long-lived calendar (about 55 years of days).
const MAX_CACHED_DAYS = 20_000;

function instantMs(value: Date, parameter: string): number {
  const ms = value instanceof Date ? value.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw new RangeError(`${parameter} must be a valid Date`);
  }
  return ms;
}

/**
 * Working days and office hours of one agency.
 *
 * A working day is a Monday to Friday that is neither a public holiday nor an official day off, or a declared
 * make-up working day. For a date, a day override beats a public holiday, which beats the weekend. Instants
 * are `Date`s; local dates are `YYYY-MM-DD` strings in the agency's time zone. Day classifications and office
 * spans are cached per date.
 */
export class WorkingCalendar {
  public readonly timeZone: string;
  public readonly officeHours: readonly OfficeInterval[];
  private readonly zone: TimeZone;
  private readonly officeMinutes: readonly OfficeMinutes[];
  private readonly overridesByDate: ReadonlyMap<LocalDate, DayOverride>;
  private readonly holidaysOfYear: ((year: number) => readonly PublicHoliday[]) | undefined;
  private readonly holidayNames = new Map<LocalDate, string>();
  private readonly loadedHolidayYears = new Set<number>();
  private readonly days = new Map<number, DayEntry>();
  private readonly timeline: OfficeTimeline;

  public constructor(config: WorkingCalendarConfig) {
    this.zone = TimeZone.of(config.timeZone ?? DEFAULT_TIME_ZONE);
    this.timeZone = this.zone.name;
    const officeHours = config.officeHours ?? DEFAULT_OFFICE_HOURS;
    this.officeMinutes = parseOfficeHours(officeHours);
    this.officeHours = Object.freeze(
      officeHours.map((interval) => Object.freeze({ start: interval.start, end: interval.end })),
    );
    this.overridesByDate = indexDayOverrides(config.overrides);
    if (typeof config.holidays === 'function') {
      this.holidaysOfYear = config.holidays;
    } else if (Array.isArray(config.holidays)) {
      this.holidaysOfYear = undefined;
      this.addHolidays(config.holidays, 'the holiday list');
    } else {
      throw new CalendarConfigError('Holidays must be a list of public holidays or a function of the year');
    }
    this.timeline = {
      epochDayOf: (ms) => this.zone.epochDayOf(ms),
      officeSpansOn: (epochDay) => this.officeSpansOn(epochDay),
    };
  }

  /** The local date, in the agency's time zone, of an instant. */
  public localDateOf(instant: Date): LocalDate {
    return this.zone.localDateOf(instantMs(instant, 'instant'));
  }

  public classifyDay(date: LocalDate): DayClassification {
    return this.dayEntry(localDateToEpochDay(date)).classification;
  }

  public isWorkingDay(date: LocalDate): boolean {
    return this.classifyDay(date).working;
  }

  /** The office hours of a local date as instants; none when it is not a working day. */
  public officeIntervalsOn(date: LocalDate): readonly InstantInterval[] {
    return this.officeSpansOn(localDateToEpochDay(date)).map((span) => ({
      start: new Date(span.startMs),
      end: new Date(span.endMs),
    }));
  }

  /** True when the instant is inside the office hours of a working day (an interval's end is outside it). */
  public isWithinOfficeHours(instant: Date): boolean {
    const ms = instantMs(instant, 'instant');
    return this.officeSpansOn(this.zone.epochDayOf(ms)).some((span) => span.startMs <= ms && ms < span.endMs);
  }

  /**
   * The instant at which `hours` working hours have elapsed after `start`. A start outside office hours is
   * first moved to the next office-hours start. When the hours run out exactly at the end of an office
   * interval the result is that end (e.g. 17:00), not the next start. `addWorkingTime(t, 0)` returns `t` when
   * `t` is inside office hours, otherwise the next office-hours start; office intervals are half-open, so
   * 12:00 and 17:00 themselves count as outside. Hours are rounded to whole milliseconds.
   */
  public addWorkingTime(start: Date, hours: number): Date {
    const startMs = instantMs(start, 'start');
    return new Date(addOfficeTime(this.timeline, startMs, workingHoursToMilliseconds(hours)));
  }

  /** The working hours (fractional) inside office hours between `from` and `to`; 0 when `to <= from`. */
  public workingTimeBetween(from: Date, to: Date): number {
    return millisecondsToWorkingHours(this.workingMillisecondsBetween(from, to));
  }

  /** Like `workingTimeBetween`, in exact whole milliseconds. */
  public workingMillisecondsBetween(from: Date, to: Date): number {
    return officeTimeBetween(this.timeline, instantMs(from, 'from'), instantMs(to, 'to'));
  }

  private dayEntry(epochDay: number): DayEntry {
    const cached = this.days.get(epochDay);
    if (cached) {
      return cached;
    }
    if (this.days.size >= MAX_CACHED_DAYS) {
      this.days.clear();
    }
    const entry: DayEntry = { classification: this.classify(epochDay) };
    this.days.set(epochDay, entry);
    return entry;
  }

  private classify(epochDay: number): DayClassification {
    const date = epochDayToLocalDate(epochDay);
    const weekday = weekdayOfEpochDay(epochDay);
    const override = this.overridesByDate.get(date);
    if (override) {
      return override.kind === 'working_day'
        ? {
            date,
            weekday,
            working: true,
            kind: 'make_up_working_day',
            reason: `make_up_working_day: ${override.reason}`,
          }
        : {
            date,
            weekday,
            working: false,
            kind: 'official_day_off',
            reason: `official_day_off: ${override.reason}`,
          };
    }
    const holiday = this.holidayNameOn(date, yearOfEpochDay(epochDay));
    if (holiday !== undefined) {
      return { date, weekday, working: false, kind: 'public_holiday', reason: `public_holiday: ${holiday}` };
    }
    if (isWeekend(weekday)) {
      return { date, weekday, working: false, kind: 'weekend', reason: 'weekend' };
    }
    return { date, weekday, working: true, kind: 'working_day', reason: 'working_day' };
  }

  private officeSpansOn(epochDay: number): readonly OfficeSpan[] {
    const entry = this.dayEntry(epochDay);
    if (!entry.spans) {
      entry.spans = entry.classification.working ? this.computeOfficeSpans(epochDay) : [];
    }
    return entry.spans;
  }

  private computeOfficeSpans(epochDay: number): readonly OfficeSpan[] {
    const spans: OfficeSpan[] = [];
    let previousEndMs = Number.NEGATIVE_INFINITY;
    for (const { startMinute, endMinute } of this.officeMinutes) {
      // Around a daylight-saving change wall times can repeat or not exist; keep spans ordered and non-empty.
      const startMs = Math.max(this.zone.instantOf(epochDay, startMinute), previousEndMs);
      const endMs = this.zone.instantOf(epochDay, endMinute);
      if (endMs > startMs) {
        spans.push({ startMs, endMs });
        previousEndMs = endMs;
      }
    }
    return spans;
  }

  private holidayNameOn(date: LocalDate, year: number): string | undefined {
    if (this.holidaysOfYear) {
      // A year's source may spill into the next year, so the previous year is loaded too.
      for (const sourceYear of [year - 1, year]) {
        if (sourceYear >= 1 && !this.loadedHolidayYears.has(sourceYear)) {
          this.loadedHolidayYears.add(sourceYear);
          this.addHolidays(this.holidaysOfYear(sourceYear), `the holidays of ${sourceYear}`);
        }
      }
    }
    return this.holidayNames.get(date);
  }

  private addHolidays(holidays: readonly PublicHoliday[], origin: string): void {
    if (!Array.isArray(holidays)) {
      throw new CalendarConfigError(`Expected a list for ${origin}`);
    }
    for (const holiday of holidays) {
      if (!isLocalDate(holiday?.date)) {
        throw new CalendarConfigError(
          `A public holiday in ${origin} has date ${JSON.stringify(holiday?.date)}; expected YYYY-MM-DD`,
        );
      }
      if (typeof holiday.name !== 'string' || holiday.name.trim() === '') {
        throw new CalendarConfigError(`The public holiday ${holiday.date} in ${origin} needs a name`);
      }
      if (!this.holidayNames.has(holiday.date)) {
        this.holidayNames.set(holiday.date, holiday.name);
      }
    }
  }
}
