/**
 * An independent, deliberately naive working-time walker for tests: minute by minute through the
 * default office hours (08:00–12:00, 13:00–17:00, UTC+7), with the days off given by the test.
 * It shares no code with the calendar under test.
 */
const OFFSET_MS = 7 * 3_600_000;
const MINUTE = 60_000;

function isOfficeMinute(instant: number, daysOff: ReadonlySet<string>, workingWeekends: ReadonlySet<string>) {
  const local = new Date(instant + OFFSET_MS);
  const date = local.toISOString().slice(0, 10);
  const weekday = local.getUTCDay();
  const working = workingWeekends.has(date) || (weekday !== 0 && weekday !== 6 && !daysOff.has(date));
  const minuteOfDay = local.getUTCHours() * 60 + local.getUTCMinutes();
  return working && ((minuteOfDay >= 480 && minuteOfDay < 720) || (minuteOfDay >= 780 && minuteOfDay < 1020));
}

export interface DaysOff {
  off?: string[];
  working?: string[];
}

export function addWorkingHoursByHand(start: Date, hours: number, days: DaysOff = {}): Date {
  const off = new Set(days.off ?? []);
  const working = new Set(days.working ?? []);
  let remaining = Math.round(hours * 60);
  let instant = start.getTime();
  while (remaining > 0) {
    if (isOfficeMinute(instant, off, working)) remaining -= 1;
    instant += MINUTE;
  }
  return new Date(instant);
}

export function workingHoursBetweenByHand(from: Date, to: Date, days: DaysOff = {}): number {
  const off = new Set(days.off ?? []);
  const working = new Set(days.working ?? []);
  let minutes = 0;
  for (let instant = from.getTime(); instant < to.getTime(); instant += MINUTE) {
    if (isOfficeMinute(instant, off, working)) minutes += 1;
  }
  return minutes / 60;
}

export const localTime = (text: string) => new Date(`${text}+07:00`);
