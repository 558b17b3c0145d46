import { DEFAULT_TIME_ZONE } from '@onegate/domain';
import { JobName } from '@onegate/jobs';
import type { JobSchedule } from '@onegate/jobs';

export const DEADLINE_SCAN_EVERY_MS = 15 * 60_000;

/** The repeating deadline jobs; the worker keeps them registered (see JobScheduleKeeper). */
export const DEADLINE_SCHEDULES: JobSchedule[] = [
  { id: 'deadlines-scan', name: JobName.ScanDeadlines, repeat: { every: DEADLINE_SCAN_EVERY_MS } },
  // Monday 07:00 in Viet Nam, before the offices open.
  {
    id: 'weekly-digest',
    name: JobName.WeeklyDigest,
    repeat: { pattern: '0 7 * * 1', tz: DEFAULT_TIME_ZONE },
  },
];
