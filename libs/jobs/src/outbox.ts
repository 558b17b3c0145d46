import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { OutboxRepository } from '@onegate/persistence';
import type { JsonObject } from '@onegate/persistence';

import type { JobName, JobPayload } from './job-registry';

export interface OutboxJob<Name extends JobName = JobName> {
  name: Name;
  payload: JobPayload<Name>;
  /** Stable per effect (e.g. application, action and version), so a job is enqueued once. */
  jobId: string;
  runAt?: Date;
}

/** Writes jobs in the caller's transaction; the relay enqueues them once the transaction has committed. */
@Injectable()
export class Outbox {
  public constructor(private readonly messages: OutboxRepository) {}

  public add(manager: EntityManager, jobs: OutboxJob[]): Promise<void> {
    return this.messages.add(
      manager,
      jobs.map((job) => ({
        jobName: job.name,
        jobId: job.jobId,
        payload: job.payload as unknown as JsonObject,
        runAt: job.runAt ?? null,
      })),
    );
  }
}
