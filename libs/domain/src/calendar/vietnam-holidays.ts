import Holidays from 'date-holidays';
import { addDays, MS_PER_DAY } from './local-date';
import type { PublicHoliday } from './public-holidays';

export const TET_NGUYEN_DAN = 'Tết Nguyên Đán';

let vietnamRules: Holidays | undefined;
const holidaysByYear = new Map<number, readonly PublicHoliday[]>();

/**
 * The statutory Vietnamese public holidays of `year` (Labour Code 2019, art. 112), from the `date-holidays`
 * rules for country `VN`:
 *
 * - Only its `public` entries are days off. Everything else it lists for `VN` (Women's Day, Mid-Autumn,
 *   Vu Lan, ...) is an `observance`, a normal working day.
 * - Lunar holidays come already converted to Gregorian dates. Tết is one entry starting on lunar New Year's
 *   Eve and lasting five days (`start`/`end` span them), next to a one-day entry for the first day; every
 *   one of those five dates is named `Tết Nguyên Đán` here.
 * - It has only 2/9 for National Day. The second day (1/9 or 3/9, chosen each year), compensatory days for
 *   holidays falling on a weekend, Tết days chosen differently from eve + 4, and swapped days all come from
 *   the day overrides (see `VIETNAM_DAY_OVERRIDES`).
 */
export function vietnamPublicHolidays(year: number): readonly PublicHoliday[] {
  const cached = holidaysByYear.get(year);
  if (cached) {
    return cached;
  }
  vietnamRules ??= new Holidays('VN', { languages: ['vi'] });
  const byDate = new Map<string, PublicHoliday>();
  for (const holiday of vietnamRules.getHolidays(year, 'vi')) {
    if (holiday.type !== 'public') {
      continue;
    }
    // `date` is the local first day, "YYYY-MM-DD hh:mm:ss"; `start`/`end` are instants a whole number of days apart.
    const firstDate = holiday.date.slice(0, 10);
    const dayCount = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / MS_PER_DAY));
    const name = holiday.rule.includes('vietnamese 1-0-1') ? TET_NGUYEN_DAN : holiday.name;
    for (let offset = 0; offset < dayCount; offset += 1) {
      const date = addDays(firstDate, offset);
      if (!byDate.has(date)) {
        byDate.set(date, Object.freeze({ date, name }));
      }
    }
  }
  const holidays = Object.freeze([...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)));
  holidaysByYear.set(year, holidays);
  return holidays;
}
