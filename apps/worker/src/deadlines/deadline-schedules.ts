import type { OnApplicationBootstrap } from '@nestjs/common';
import { Injectable } from '@nestjs/common';

import { DEFAULT_TIME_ZONE } from '@onegate/domain';
import { JobDispatcher, JobName } from '@onegate/jobs';

export const DEADLINE_SCAN_EVERY_MS = 15 * 60_000;

/**
 * Registers the repeating jobs when a worker starts. Each has a fixed scheduler id, and registering
 * one again replaces it, so any number of workers keep exactly one schedule of each.
 */
@Injectable()
export class DeadlineSchedules implements OnApplicationBootstrap {
  public constructor(private readonly jobs: JobDispatcher) {}

  public async onApplicationBootstrap(): Promise<void> {
    await this.jobs
      .queueOf(JobName.ScanDeadlines)
      .upsertJobScheduler(
        'deadlines-scan',
        { every: DEADLINE_SCAN_EVERY_MS },
        { name: JobName.ScanDeadlines, data: {} },
      );
    // Monday 07:00 in Viet Nam, before the offices open.
    await this.jobs
      .queueOf(JobName.WeeklyDigest)
      .upsertJobScheduler(
        'weekly-digest',
        { pattern: '0 7 * * 1', tz: DEFAULT_TIME_ZONE },
        { name: JobName.WeeklyDigest, data: {} },
      );
  }
}
