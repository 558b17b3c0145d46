import { Injectable, NotFoundException } from '@nestjs/common';

import { JobDispatcher, JobName, QueueName } from '@onegate/jobs';
import { JobRunRepository } from '@onegate/persistence';

import { PingJobStatus } from './ping-job.dto';

/** A round trip API → Redis → worker → database, to prove the whole chain works. */
@Injectable()
export class PingJobService {
  public constructor(
    private readonly jobs: JobDispatcher,
    private readonly runs: JobRunRepository,
  ) {}

  public async enqueue(note: string | undefined): Promise<PingJobStatus> {
    const jobId = await this.jobs.dispatch(JobName.Ping, {
      requestedAt: new Date().toISOString(),
      note: note ?? null,
    });
    return { jobId, state: 'queued', processedAt: null, note: note ?? null };
  }

  public async status(jobId: string): Promise<PingJobStatus> {
    const run = await this.runs.find(QueueName.System, jobId);
    if (run) {
      const note = typeof run.payload.note === 'string' ? run.payload.note : null;
      return { jobId, state: 'processed', processedAt: run.processedAt.toISOString(), note };
    }
    const state = await this.jobs.stateOf(JobName.Ping, jobId);
    if (!state || state === 'unknown') throw new NotFoundException(`No ping job ${jobId}`);
    return { jobId, state, processedAt: null, note: null };
  }
}
