import type { OnApplicationBootstrap } from '@nestjs/common';
import { Injectable } from '@nestjs/common';

import { DEFAULT_TIME_ZONE } from '@onegate/domain';
import { JobDispatcher, JobName } from '@onegate/jobs';

/**
 * The nightly retention sweep, at 02:00 in Viet Nam when the offices are closed. The scheduler id is
 * fixed, so however many workers start there is one schedule, and each night one job.
 */
@Injectable()
export class RetentionSchedule implements OnApplicationBootstrap {
  public constructor(private readonly jobs: JobDispatcher) {}

  public async onApplicationBootstrap(): Promise<void> {
    await this.jobs
      .queueOf(JobName.ApplyRetention)
      .upsertJobScheduler(
        'retention-sweep',
        { pattern: '0 2 * * *', tz: DEFAULT_TIME_ZONE },
        { name: JobName.ApplyRetention, data: {} },
      );
  }
}
