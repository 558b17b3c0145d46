import { CalendarConfigError } from './calendar-errors';
import type { LocalDate } from './local-date';
import {
  daysFromCivil,
  epochDayToLocalDate,
  MS_PER_DAY,
  MS_PER_HOUR,
  MS_PER_MINUTE,
  MS_PER_SECOND,
} from './local-date';

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** The offsets of one UTC hour: `offsetMs` until `changeMs` (a whole second), then `offsetAfterMs`. */
interface HourOffsets {
  readonly offsetMs: number;
  readonly changeMs: number;
  readonly offsetAfterMs: number;
}

// About eleven years of hours per zone; past that the cache starts over.
const MAX_CACHED_HOURS = 100_000;

/**
 * An IANA time zone. Offsets come from `Intl.DateTimeFormat`, so any zone (with or without daylight saving
 * time) works; nothing assumes a fixed offset. `Intl` is slow (microseconds a call) and the working
 * calendar asks for offsets many times per application, so each UTC hour's offsets are looked up once:
 * its offset at the start and at the end, and where they differ, the second of the change.
 */
export class TimeZone {
  private static readonly byName = new Map<string, TimeZone>();
  /** `null`: an hour with more than one change, read from `Intl` each time. */
  private readonly hours = new Map<number, HourOffsets | null>();

  private constructor(
    public readonly name: string,
    private readonly formatter: Intl.DateTimeFormat,
  ) {}

  public static of(name: string): TimeZone {
    if (typeof name !== 'string' || name.trim() === '') {
      throw new CalendarConfigError('Time zone must be a non-empty IANA time zone name');
    }
    const known = TimeZone.byName.get(name);
    if (known) return known;
    let formatter: Intl.DateTimeFormat;
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: name,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new CalendarConfigError(`Unknown time zone ${JSON.stringify(name)}: expected an IANA name`);
    }
    const zone = new TimeZone(name, formatter);
    TimeZone.byName.set(name, zone);
    return zone;
  }

  /** Milliseconds to add to the UTC instant to get the wall-clock time in this zone. */
  public offsetMsAt(instantMs: number): number {
    const hour = Math.floor(instantMs / MS_PER_HOUR);
    let offsets = this.hours.get(hour);
    if (offsets === undefined) {
      if (this.hours.size >= MAX_CACHED_HOURS) this.hours.clear();
      offsets = this.offsetsOfHour(hour);
      this.hours.set(hour, offsets);
    }
    if (offsets === null) return this.intlOffsetMsAt(instantMs);
    return instantMs < offsets.changeMs ? offsets.offsetMs : offsets.offsetAfterMs;
  }

  /**
   * Offsets change on whole seconds, and no zone has changed its offset and changed it back within one
   * hour, so an hour whose first and last seconds have the same offset has it throughout; otherwise a
   * binary search finds the change (and an hour with two changes is not cached).
   */
  private offsetsOfHour(hour: number): HourOffsets | null {
    const firstSecond = hour * MS_PER_HOUR;
    const lastSecond = firstSecond + MS_PER_HOUR - MS_PER_SECOND;
    const offsetMs = this.intlOffsetMsAt(firstSecond);
    const offsetAfterMs = this.intlOffsetMsAt(lastSecond);
    if (offsetMs === offsetAfterMs) return { offsetMs, changeMs: Number.POSITIVE_INFINITY, offsetAfterMs };
    // The change is after `before` and at or before `after`.
    let before = firstSecond;
    let after = lastSecond;
    while (after - before > MS_PER_SECOND) {
      const middle = before + Math.floor((after - before) / 2 / MS_PER_SECOND) * MS_PER_SECOND;
      if (this.intlOffsetMsAt(middle) === offsetMs) before = middle;
      else after = middle;
    }
    return this.intlOffsetMsAt(after) === offsetAfterMs ? { offsetMs, changeMs: after, offsetAfterMs } : null;
  }

  private intlOffsetMsAt(instantMs: number): number {
    const wholeSecondMs = Math.floor(instantMs / MS_PER_SECOND) * MS_PER_SECOND;
    const fields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
    for (const part of this.formatter.formatToParts(wholeSecondMs)) {
      if (part.type in fields) {
        fields[part.type as keyof typeof fields] = Number(part.value);
      }
    }
    const wallMs =
      daysFromCivil(fields.year, fields.month, fields.day) * MS_PER_DAY +
      fields.hour * MS_PER_HOUR +
      fields.minute * MS_PER_MINUTE +
      fields.second * MS_PER_SECOND;
    return wallMs - wholeSecondMs;
  }

  /** The local day (days since 1970-01-01) containing `instantMs`. */
  public epochDayOf(instantMs: number): number {
    return Math.floor((instantMs + this.offsetMsAt(instantMs)) / MS_PER_DAY);
  }

  public localDateOf(instantMs: number): LocalDate {
    return epochDayToLocalDate(this.epochDayOf(instantMs));
  }

  /**
   * The instant at which the wall clock shows `minuteOfDay` minutes after midnight of local day `epochDay`
   * (1440 is the next midnight). A repeated wall time (clocks turned back) resolves to its first occurrence;
   * a skipped one (clocks turned forward) to the same distance after the jump, like `Temporal`'s
   * "compatible" disambiguation.
   */
  public instantOf(epochDay: number, minuteOfDay: number): number {
    const wallMs = epochDay * MS_PER_DAY + minuteOfDay * MS_PER_MINUTE;
    // Offsets a day either side bracket any transition near this wall time.
    const before = this.offsetMsAt(wallMs - MS_PER_DAY);
    const after = this.offsetMsAt(wallMs + MS_PER_DAY);
    const candidates = before === after ? [wallMs - before] : [wallMs - before, wallMs - after];
    const valid = candidates.filter((instant) => instant + this.offsetMsAt(instant) === wallMs);
    return valid.length > 0 ? Math.min(...valid) : Math.max(...candidates);
  }
}
