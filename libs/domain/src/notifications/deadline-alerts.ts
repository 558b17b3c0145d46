import type { WorkingCalendar } from '../calendar';
import { addDays, WORKING_HOURS_PER_DAY } from '../calendar';

export type DeadlineThreshold = 'due_soon' | 'overdue';

const MS_PER_HOUR = 3_600_000;
/** One working day: an application with this much working time left, or less, is due soon. */
export const DUE_SOON_MS = WORKING_HOURS_PER_DAY * MS_PER_HOUR;
/** Far enough back to cross the longest run of days off (Tết and its weekends). */
const MAX_DAYS_BACK = 60;

/**
 * The alert an open application has reached at `now`: `overdue` once `now` is past `dueAt`, `due_soon`
 * while one working day (8 working hours) or less is left on the competent agency's calendar.
 */
export function deadlineThresholdAt(
  calendar: WorkingCalendar,
  dueAt: Date,
  now: Date,
): DeadlineThreshold | null {
  if (now.getTime() > dueAt.getTime()) return 'overdue';
  return calendar.workingMillisecondsBetween(now, dueAt) <= DUE_SOON_MS ? 'due_soon' : null;
}

/**
 * The alert to raise for an open application at `now`: the threshold it has reached, unless it was
 * imported with that threshold already crossed. An import brings another system's backlog, often with
 * files long overdue; they show as overdue in queues, reports and digests, and only a threshold
 * crossed in OneGate alerts anyone (one e-mail per file and recipient would bury them).
 */
export function deadlineAlertAt(
  calendar: WorkingCalendar,
  dueAt: Date,
  now: Date,
  importedAt: Date | null,
): DeadlineThreshold | null {
  const threshold = deadlineThresholdAt(calendar, dueAt, now);
  if (!threshold || !importedAt) return threshold;
  return deadlineThresholdAt(calendar, dueAt, importedAt) === threshold ? null : threshold;
}

/**
 * The first instant from which one working day or less is left before `dueAt`. When that day starts
 * at an office-hours start (08:00), the alert is due from the end of the office interval before it (the
 * previous working day's 17:00): nothing is worked in between, so the same time is left.
 */
export function dueSoonFrom(calendar: WorkingCalendar, dueAt: Date): Date {
  const due = dueAt.getTime();
  let remaining = DUE_SOON_MS;
  let exhausted = false;
  let date = calendar.localDateOf(dueAt);
  for (let day = 0; day <= MAX_DAYS_BACK; day++, date = addDays(date, -1)) {
    for (const interval of [...calendar.officeIntervalsOn(date)].reverse()) {
      const start = interval.start.getTime();
      const end = Math.min(interval.end.getTime(), due);
      if (end <= start) continue;
      if (exhausted) return new Date(end);
      if (end - start > remaining) return new Date(end - remaining);
      remaining -= end - start;
      exhausted = remaining === 0;
    }
  }
  // Less than a working day lies between the due time and two months before it: due soon at once.
  return new Date(due - MAX_DAYS_BACK * 24 * MS_PER_HOUR);
}
