import { Injectable } from '@nestjs/common';

import { JobHandler, JobName, QueueName } from '@onegate/jobs';
import type { PingPayload } from '@onegate/jobs';
import { JobRunRepository } from '@onegate/persistence';

/** Records each ping once in the database; a re-delivered ping changes nothing. */
@Injectable()
export class PingHandler {
  public constructor(private readonly runs: JobRunRepository) {}

  @JobHandler(JobName.Ping)
  public async handle(payload: PingPayload, context: { jobId: string }): Promise<void> {
    await this.runs.recordOnce({
      queue: QueueName.System,
      name: JobName.Ping,
      jobId: context.jobId,
      payload: { requestedAt: payload.requestedAt, note: payload.note },
    });
  }
}
