import { Injectable } from '@nestjs/common';

import { JobHandler, JobName } from '@onegate/jobs';
import type { ApplicationPayload } from '@onegate/jobs';

import { DeadlineAlerts } from './deadlines/deadline-alerts.service';
import { WeeklyDigest } from './deadlines/weekly-digest.service';

/** The deadlines queue: the periodic scan, the delayed check of one file, the supervisors' weekly digest. */
@Injectable()
export class DeadlinesHandler {
  public constructor(
    private readonly alerts: DeadlineAlerts,
    private readonly digest: WeeklyDigest,
  ) {}

  @JobHandler(JobName.ScanDeadlines)
  public async scan(): Promise<void> {
    await this.alerts.scan();
  }

  @JobHandler(JobName.CheckDeadline)
  public async check(payload: ApplicationPayload): Promise<void> {
    await this.alerts.check(payload.applicationId);
  }

  @JobHandler(JobName.WeeklyDigest)
  public async weekly(): Promise<void> {
    await this.digest.send();
  }
}
