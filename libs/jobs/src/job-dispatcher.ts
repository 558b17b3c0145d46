import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';

import { JOB_QUEUE, JobName, JobPayloads, QueueName } from './job-registry';

/** The one way to enqueue a job: by its typed name, onto the queue the registry gives it. */
@Injectable()
export class JobDispatcher {
  private readonly queues: Record<QueueName, Queue>;

  public constructor(
    @InjectQueue(QueueName.System) system: Queue,
    @InjectQueue(QueueName.Intake) intake: Queue,
    @InjectQueue(QueueName.Issuance) issuance: Queue,
    @InjectQueue(QueueName.Notifications) notifications: Queue,
    @InjectQueue(QueueName.Deadlines) deadlines: Queue,
    @InjectQueue(QueueName.Documents) documents: Queue,
  ) {
    this.queues = {
      [QueueName.System]: system,
      [QueueName.Intake]: intake,
      [QueueName.Issuance]: issuance,
      [QueueName.Notifications]: notifications,
      [QueueName.Deadlines]: deadlines,
      [QueueName.Documents]: documents,
    };
  }

  public async dispatch<Name extends JobName>(
    name: Name,
    payload: JobPayloads[Name],
    options: JobsOptions = {},
  ): Promise<string> {
    const job = await this.queueOf(name).add(name, payload, options);
    return job.id!;
  }

  /** Many jobs of one name in one round trip to Redis; a job id already queued adds nothing, as with `dispatch`. */
  public async dispatchAll<Name extends JobName>(
    name: Name,
    jobs: { payload: JobPayloads[Name]; options?: JobsOptions }[],
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
    return this.queues[JOB_QUEUE[name]];
  }

  public allQueues(): Queue[] {
    return Object.values(this.queues);
  }
}
