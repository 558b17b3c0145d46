import { Injectable } from '@nestjs/common';

import { previousWeek } from '@onegate/domain';
import { JobDispatcher, JobName, notificationJobId, OnJob } from '@onegate/jobs';
import type { NotificationPayload } from '@onegate/jobs';
import { AgencyRepository, ApplicationWatchRepository } from '@onegate/persistence';
import { Clock } from '@onegate/platform';

/**
 * Each supervisor's counts for the last full week (Monday to Sunday, their agency's time zone), over
 * the files of their agency and every agency below it: received and decided in the week, decided by
 * their due time, and running files past their due time now. One digest per supervisor and week.
 */
@Injectable()
export class WeeklyDigest {
  public constructor(
    private readonly watch: ApplicationWatchRepository,
    private readonly agencies: AgencyRepository,
    private readonly jobs: JobDispatcher,
    private readonly clock: Clock,
  ) {}

  @OnJob(JobName.WeeklyDigest)
  public async send(): Promise<number> {
    const now = this.clock.now();
    let sent = 0;
    for (const supervisor of await this.watch.activeSupervisors()) {
      if (!supervisor.agency) continue;
      const week = previousWeek(supervisor.agency.timeZone, now);
      const scope = await this.agencies.subtreeIds(supervisor.agency.id);
      const counts = await this.watch.weeklyCounts(scope, week.startsAt, week.endsAt, now);
      const digest: NotificationPayload = {
        key: `weekly_digest:${supervisor.id}:${week.from}`,
        kind: 'weekly_digest',
        applicationId: null,
        recipient: { userId: supervisor.id },
        facts: { from: week.from, to: week.to, ...counts },
      };
      await this.jobs.dispatch(JobName.SendNotification, digest, { jobId: notificationJobId(digest.key) });
      sent += 1;
    }
    return sent;
  }
}
