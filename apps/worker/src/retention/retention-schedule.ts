import { DEFAULT_TIME_ZONE } from '@onegate/domain';
import { JobName } from '@onegate/jobs';
import type { JobSchedule } from '@onegate/jobs';

/** The nightly retention sweep, at 02:00 in Viet Nam when the offices are closed. */
export const RETENTION_SCHEDULES: JobSchedule[] = [
  {
    id: 'retention-sweep',
    name: JobName.ApplyRetention,
    repeat: { pattern: '0 2 * * *', tz: DEFAULT_TIME_ZONE },
  },
];
