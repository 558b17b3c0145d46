import type { LocalDate } from '../calendar';
import { TimeZone } from '../calendar';

export interface WeeklyPeriod {
  /** Monday and Sunday of the week, local dates. */
  from: LocalDate;
  to: LocalDate;
  /** Monday 00:00 local, inclusive, and the next Monday 00:00 local, exclusive. */
  startsAt: Date;
  endsAt: Date;
}

/** The last full Monday-to-Sunday week before `now`, in the given time zone. */
export function previousWeek(timeZone: string, now: Date): WeeklyPeriod {
  const zone = TimeZone.of(timeZone);
  const today = zone.epochDayOf(now.getTime());
  // Day 0 (1970-01-01) was a Thursday: three days after a Monday.
  const thisMonday = today - ((((today + 3) % 7) + 7) % 7);
  const startsAt = zone.instantOf(thisMonday - 7, 0);
  const endsAt = zone.instantOf(thisMonday, 0);
  return {
    from: zone.localDateOf(startsAt),
    to: zone.localDateOf(endsAt - 1),
    startsAt: new Date(startsAt),
    endsAt: new Date(endsAt),
  };
}
