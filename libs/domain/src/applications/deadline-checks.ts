import type { WorkingCalendar } from '../calendar';
import type { DeadlineThreshold } from '../notifications';
import { dueSoonFrom } from '../notifications';

/** Fires just after the due time, so the check finds the file past it. */
const AFTER_DUE_MS = 1_000;

export interface DeadlineCheck {
  threshold: DeadlineThreshold;
  runAt: Date;
  /** Stable per due time: scheduling again for the same due time adds nothing. */
  jobId: string;
}

/**
 * The moments a file's deadline alerts fall due once its clock starts or resumes, each checked by a
 * delayed job so they arrive on time between the periodic scans (docs/notifications.md): when one
 * working day is left, and when the due time has passed.
 */
export function deadlineChecksFor(
  applicationId: string,
  dueAt: Date,
  calendar: WorkingCalendar,
): DeadlineCheck[] {
  const due = dueAt.getTime();
  return [
    { threshold: 'due_soon', runAt: dueSoonFrom(calendar, dueAt), jobId: `${applicationId}|due_soon|${due}` },
    { threshold: 'overdue', runAt: new Date(due + AFTER_DUE_MS), jobId: `${applicationId}|overdue|${due}` },
  ];
}
