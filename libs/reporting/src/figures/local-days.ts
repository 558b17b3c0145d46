import { addDays, TimeZone } from '@onegate/domain';

const MS_PER_DAY = 86_400_000;
// Every UTC offset in use is a multiple of 15 minutes and changes on such a boundary.
const OFFSET_STEP_MS = 900_000;
const MAX_CACHED = 200_000;

/**
 * The local date of an instant in one time zone, as `TimeZone` gives it, remembered per quarter hour
 * and per day: reports ask for it millions of times during an import or a rebuild.
 */
export class LocalDays {
  private static readonly byZone = new Map<string, LocalDays>();
  private readonly offsets = new Map<number, number>();
  private readonly dates = new Map<number, string>();

  private constructor(private readonly zone: TimeZone) {}

  public static of(timeZone: string): LocalDays {
    let days = LocalDays.byZone.get(timeZone);
    if (!days) {
      days = new LocalDays(TimeZone.of(timeZone));
      LocalDays.byZone.set(timeZone, days);
    }
    return days;
  }

  public dateOf(instantMs: number): string {
    const step = Math.floor(instantMs / OFFSET_STEP_MS);
    let offset = this.offsets.get(step);
    if (offset === undefined) {
      if (this.offsets.size > MAX_CACHED) this.offsets.clear();
      offset = this.zone.offsetMsAt(step * OFFSET_STEP_MS);
      this.offsets.set(step, offset);
    }
    const epochDay = Math.floor((instantMs + offset) / MS_PER_DAY);
    let date = this.dates.get(epochDay);
    if (date === undefined) {
      if (this.dates.size > MAX_CACHED) this.dates.clear();
      date = addDays('1970-01-01', epochDay);
      this.dates.set(epochDay, date);
    }
    return date;
  }
}
