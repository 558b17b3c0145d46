import type { Action, DeadlineThreshold, WorkingCalendar } from '@onegate/domain';
import { dueSoonFrom } from '@onegate/domain';
import type { Application } from '@onegate/persistence';

/** Actions after which the clock runs towards a (new) due time. */
const CLOCK_STARTS: readonly Action[] = ['receive', 'register_counter', 'supplement'];

export const startsTheClock = (action: Action): boolean => CLOCK_STARTS.includes(action);

/** Fires just after the due time, so the check finds the file past it. */
const AFTER_DUE_MS = 1_000;

export interface DeadlineCheck {
  threshold: DeadlineThreshold;
  runAt: Date;
  /** Stable per due time: scheduling again for the same due time adds nothing. */
  jobId: string;
}

/**
 * The moments an application's deadline alerts fall due, checked by a delayed job each so they arrive
 * on time between the periodic scans: when one working day is left, and when the due time has passed.
 */
export function deadlineChecksAfter(
  action: Action,
  application: Application,
  calendar: WorkingCalendar,
): DeadlineCheck[] {
  if (!startsTheClock(action) || !application.dueAt) return [];
  const dueAt = application.dueAt;
  const due = dueAt.getTime();
  return [
    {
      threshold: 'due_soon',
      runAt: dueSoonFrom(calendar, dueAt),
      jobId: `${application.id}|due_soon|${due}`,
    },
    { threshold: 'overdue', runAt: new Date(due + AFTER_DUE_MS), jobId: `${application.id}|overdue|${due}` },
  ];
}
