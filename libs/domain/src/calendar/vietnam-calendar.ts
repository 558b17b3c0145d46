import type { DayOverride } from './day-overrides';
import type { OfficeInterval } from './office-hours';
import { DEFAULT_OFFICE_HOURS } from './office-hours';
import { DEFAULT_TIME_ZONE } from './time-zone';
import { vietnamPublicHolidays } from './vietnam-holidays';
import { VIETNAM_DAY_OVERRIDES } from './vietnam-official-schedules';
import { WorkingCalendar } from './working-calendar';

export interface VietnamWorkingCalendarOptions {
  readonly timeZone?: string;
  readonly officeHours?: readonly OfficeInterval[];
  /** Defaults to the shipped 2020-2026 official schedules; pass the administrators' list when there is one. */
  readonly overrides?: readonly DayOverride[];
}

/** A calendar with the Vietnamese public holidays, by default in `Asia/Ho_Chi_Minh` with 8 office hours a day. */
export function createVietnamWorkingCalendar(options: VietnamWorkingCalendarOptions = {}): WorkingCalendar {
  return new WorkingCalendar({
    timeZone: options.timeZone ?? DEFAULT_TIME_ZONE,
    officeHours: options.officeHours ?? DEFAULT_OFFICE_HOURS,
    overrides: options.overrides ?? VIETNAM_DAY_OVERRIDES,
    holidays: vietnamPublicHolidays,
  });
}
