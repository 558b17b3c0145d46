import { Injectable } from '@nestjs/common';

import { JobHandler, JobName } from '@onegate/jobs';

import { RetentionSweep } from './retention/retention-sweep.service';

/** The nightly anonymisation of closed files past their procedure's retention. */
@Injectable()
export class RetentionHandler {
  public constructor(private readonly sweep: RetentionSweep) {}

  @JobHandler(JobName.ApplyRetention)
  public async apply(): Promise<void> {
    await this.sweep.sweep();
  }
}
