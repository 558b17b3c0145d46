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

/**
 * An IANA time zone. Offsets come from `Intl.DateTimeFormat`, so any zone (with or without daylight saving
 * time) works; nothing assumes a fixed offset.
 */
export class TimeZone {
  private constructor(
    public readonly name: string,
    private readonly formatter: Intl.DateTimeFormat,
  ) {}

  public static of(name: string): TimeZone {
    if (typeof name !== 'string' || name.trim() === '') {
      throw new CalendarConfigError('Time zone must be a non-empty IANA time zone name');
    }
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
    return new TimeZone(name, formatter);
  }

  /** Milliseconds to add to the UTC instant to get the wall-clock time in this zone. */
  public offsetMsAt(instantMs: number): number {
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
