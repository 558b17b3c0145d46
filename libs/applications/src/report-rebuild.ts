import type { WorkingCalendar } from '@onegate/domain';
import type { AgencyRepository } from '@onegate/persistence';
import type { ReportRebuildService } from '@onegate/reporting';

import type { WorkingCalendarService } from './working-calendar.service';

/**
 * Rebuilds the report rollups with each competent agency's calendar (`npm run reports:rebuild`, and a
 * worker's start after an upgrade that changed their layout: `onlyIfStale`, docs/operations.md).
 */
export function rebuildReports(
  rebuild: ReportRebuildService,
  agencies: AgencyRepository,
  calendars: WorkingCalendarService,
  options: { onlyIfStale?: boolean } = {},
): Promise<{ applications: number } | null> {
  const byAgency = new Map<string, Promise<WorkingCalendar>>();
  return rebuild.rebuild((agencyId) => {
    let calendar = byAgency.get(agencyId);
    if (!calendar) {
      calendar = agencies.findById(agencyId).then((agency) => {
        if (!agency) throw new Error(`no agency ${agencyId}`);
        return calendars.calendarFor(agency);
      });
      byAgency.set(agencyId, calendar);
    }
    return calendar;
  }, options);
}
