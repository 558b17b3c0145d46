export { CalendarConfigError, CalendarRangeError, type CalendarRangeParameter } from './calendar-errors';
export {
  listCalendar,
  MAX_CALENDAR_LISTING_DAYS,
  type CalendarListing,
  type CalendarListingDay,
  type CalendarListingQuery,
} from './calendar-listing';
export { indexDayOverrides, type DayOverride, type DayOverrideKind } from './day-overrides';
export {
  addDays,
  isLocalDate,
  LOCAL_DATE_YEARS,
  weekdayOf,
  type LocalDate,
  type Weekday,
} from './local-date';
export {
  DEFAULT_OFFICE_HOURS,
  parseOfficeHours,
  type OfficeInterval,
  type OfficeMinutes,
} from './office-hours';
export { type HolidaySource, type PublicHoliday } from './public-holidays';
export { DEFAULT_TIME_ZONE, TimeZone } from './time-zone';
export { createVietnamWorkingCalendar, type VietnamWorkingCalendarOptions } from './vietnam-calendar';
export { VIETNAM_DAY_OVERRIDES_2025_2026 } from './vietnam-day-overrides';
export { VIETNAM_DAY_OVERRIDES_2020_2024 } from './vietnam-day-overrides-2020-2024';
export {
  VIETNAM_DAY_OVERRIDES,
  VIETNAM_OFFICIAL_SCHEDULES,
  type OfficialSchedule,
} from './vietnam-official-schedules';
export { TET_NGUYEN_DAN, vietnamPublicHolidays } from './vietnam-holidays';
export {
  WorkingCalendar,
  type DayClassification,
  type DayKind,
  type InstantInterval,
  type WorkingCalendarConfig,
} from './working-calendar';
export { WORKING_HOURS_PER_DAY, workingDaysToHours, workingHoursToDays } from './working-time';
export {
  MAX_SCHEDULE_REASON_LENGTH,
  MAX_SCHEDULE_SOURCE_LENGTH,
  parseOfficialScheduleFile,
  ScheduleFileError,
  type OfficialScheduleFile,
} from './official-schedule-file';
