import type { WorkingCalendar } from '../calendar';

export type SupplementPolicy = 'pause' | 'restart';

/** On receive / register_counter: the clock starts at reception. */
export function dueAtOnReception(calendar: WorkingCalendar, receivedAt: Date, processingHours: number): Date {
  return calendar.addWorkingTime(receivedAt, processingHours);
}

export interface SupplementOutcome {
  dueAt: Date;
  /** Working hours the file waited for the citizen; never processing time. */
  pausedHours: number;
}

/**
 * On `supplement` at `resumedAt` after `request_supplement` at `requestedAt` (docs/lifecycle.md, "Due
 * time and the clock"): `pause` pushes the due time by the paused working time; `restart` starts the
 * full processing time again from the supplement.
 */
export function dueAtAfterSupplement(
  calendar: WorkingCalendar,
  policy: SupplementPolicy,
  current: { dueAt: Date; processingHours: number },
  requestedAt: Date,
  resumedAt: Date,
): SupplementOutcome {
  const pausedHours = calendar.workingTimeBetween(requestedAt, resumedAt);
  const dueAt =
    policy === 'pause'
      ? calendar.addWorkingTime(current.dueAt, pausedHours)
      : calendar.addWorkingTime(resumedAt, current.processingHours);
  return { dueAt, pausedHours };
}
