import { Injectable } from '@nestjs/common';

import { JobName, OnJob, QueueName } from '@onegate/jobs';
import type { JobContext, PingPayload } from '@onegate/jobs';
import { JobRunRepository } from '@onegate/persistence';

/** Records each ping once in the database; a re-delivered ping changes nothing. */
@Injectable()
export class PingRecorder {
  public constructor(private readonly runs: JobRunRepository) {}

  @OnJob(JobName.Ping)
  public async record(payload: PingPayload, context: JobContext): Promise<void> {
    await this.runs.recordOnce({
      queue: QueueName.System,
      name: JobName.Ping,
      jobId: context.jobId,
      payload: { requestedAt: payload.requestedAt, note: payload.note },
    });
  }
}
