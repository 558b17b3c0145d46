import { CalendarConfigError } from './calendar-errors';
import type { LocalDate } from './local-date';
import { isLocalDate } from './local-date';

/** `day_off`: an official day off (swapped or compensatory day); `working_day`: a make-up working day. */
export type DayOverrideKind = 'day_off' | 'working_day';

/** An official exception to the normal week, which beats public holidays and weekends for its date. */
export interface DayOverride {
  readonly date: LocalDate;
  readonly kind: DayOverrideKind;
  readonly reason: string;
}

const KINDS: readonly DayOverrideKind[] = ['day_off', 'working_day'];

/** Validates overrides (real dates, known kinds, a reason, one override per date) and indexes them by date. */
export function indexDayOverrides(overrides: readonly DayOverride[]): ReadonlyMap<LocalDate, DayOverride> {
  if (!Array.isArray(overrides)) {
    throw new CalendarConfigError('Day overrides must be a list');
  }
  const byDate = new Map<LocalDate, DayOverride>();
  for (const override of overrides) {
    if (!isLocalDate(override?.date)) {
      throw new CalendarConfigError(
        `Day override date ${JSON.stringify(override?.date)} is not a real date written YYYY-MM-DD`,
      );
    }
    if (!KINDS.includes(override.kind)) {
      throw new CalendarConfigError(
        `Day override ${override.date} has kind ${JSON.stringify(override.kind)}; expected day_off or working_day`,
      );
    }
    if (typeof override.reason !== 'string' || override.reason.trim() === '') {
      throw new CalendarConfigError(`Day override ${override.date} needs a reason`);
    }
    if (byDate.has(override.date)) {
      throw new CalendarConfigError(`Day override ${override.date} is listed more than once`);
    }
    byDate.set(
      override.date,
      Object.freeze({ date: override.date, kind: override.kind, reason: override.reason }),
    );
  }
  return byDate;
}
