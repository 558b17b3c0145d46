import { DEFAULT_TIME_ZONE } from '@onegate/domain';
import { JobName } from '@onegate/jobs';
import type { JobSchedule } from '@onegate/jobs';

/** The daily reconciliation with the national portal, at 01:30 in Viet Nam (docs/integrations.md). */
export const NATIONAL_SYNC_SCHEDULES: JobSchedule[] = [
  {
    id: 'national-sync-reconciliation',
    name: JobName.ReconcileNationalSync,
    repeat: { pattern: '30 1 * * *', tz: DEFAULT_TIME_ZONE },
  },
];
