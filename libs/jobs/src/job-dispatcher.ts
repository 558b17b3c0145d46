import { setTimeout as delay } from 'node:timers/promises';

import { Inject, Injectable } from '@nestjs/common';
import type { BeforeApplicationShutdown } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';

import { JOB_QUEUE } from './job-registry';
import type { JobName, JobPayload } from './job-registry';
import { QUEUE_MAP } from './queue-map';
import type { QueueMap } from './queue-map';

/** How long a stopping process waits for its queues to finish connecting before they are closed. */
const CONNECTING_WAIT_MS = 2_000;

/** The one way to enqueue a job: by its typed name, onto the queue the registry gives it. */
@Injectable()
export class JobDispatcher implements BeforeApplicationShutdown {
  public constructor(@Inject(QUEUE_MAP) private readonly queues: QueueMap) {}

  /**
   * A queue closed while its connection is still being set up (a process stopped just after it
   * started) rejects the set-up's commands with nobody to hear them: let them settle first.
   */
  public async beforeApplicationShutdown(): Promise<void> {
    const connected = Promise.allSettled(this.allQueues().map((queue) => queue.waitUntilReady()));
    await Promise.race([connected, delay(CONNECTING_WAIT_MS, undefined, { ref: false })]);
  }

  public async dispatch<Name extends JobName>(
    name: Name,
    payload: JobPayload<Name>,
    options: JobsOptions = {},
  ): Promise<string> {
    const job = await this.queueOf(name).add(name, payload, options);
    return job.id!;
  }

  /** Many jobs of one name in one round trip to Redis; a job id already queued adds nothing, as with `dispatch`. */
  public async dispatchAll<Name extends JobName>(
    name: Name,
    jobs: { payload: JobPayload<Name>; options?: JobsOptions }[],
  ): Promise<void> {
    if (jobs.length === 0) return;
    await this.queueOf(name).addBulk(
      jobs.map(({ payload, options }) => ({ name, data: payload, opts: options })),
    );
  }

  public async stateOf(name: JobName, jobId: string): Promise<string | null> {
    const job = await this.queueOf(name).getJob(jobId);
    return job ? job.getState() : null;
  }

  public queueOf(name: JobName): Queue {
    return this.queues.get(JOB_QUEUE[name])!;
  }

  public allQueues(): Queue[] {
    return [...this.queues.values()];
  }
}
