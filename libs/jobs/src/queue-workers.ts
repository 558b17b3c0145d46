import { Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Worker } from 'bullmq';
import type { Job } from 'bullmq';

import { AppConfig } from '@onegate/config';
import { OutboxRepository } from '@onegate/persistence';

import { JobDispatcher } from './job-dispatcher';
import { JobHandlerRegistry } from './job-handler-registry';
import { JobMetrics } from './job-metrics';

/**
 * One BullMQ worker per queue of the registry, started once every module is initialised (so once the
 * handler registry has found one handler per job) and closed, letting running jobs finish, at shutdown.
 * Each job goes to the @OnJob handler for its name, and is timed and counted.
 * A failed job is retried by BullMQ with the queue's backoff. A job that came from the outbox marks its
 * message completed once it has succeeded, before BullMQ records it (and may later remove it), so the
 * reconciler never takes a finished job for a lost one.
 */
@Injectable()
export class QueueWorkers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(QueueWorkers.name);
  private readonly workers: Worker[] = [];

  public constructor(
    private readonly queues: JobDispatcher,
    private readonly handlers: JobHandlerRegistry,
    private readonly metrics: JobMetrics,
    private readonly config: AppConfig,
    private readonly outbox: OutboxRepository,
  ) {}

  public onApplicationBootstrap(): void {
    for (const queue of this.queues.allQueues()) {
      const { connection, prefix } = queue.opts;
      this.workers.push(
        new Worker(queue.name, (job) => this.process(job), {
          connection,
          prefix,
          concurrency: this.config.workerConcurrency,
        }),
      );
    }
  }

  public async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
  }

  private async process(job: Job): Promise<void> {
    const handler = this.handlers.handlerFor(job.name);
    const finish = this.metrics.start(job.queueName, job.name);
    try {
      await handler(job.data, { jobId: job.id!, attempt: job.attemptsMade + 1 });
      finish('completed');
    } catch (error) {
      finish('failed');
      throw error;
    }
    await this.markCompleted(job);
  }

  /** Scheduler ticks never come from the outbox. A mark that fails is left to the reconciler. */
  private async markCompleted(job: Job): Promise<void> {
    if (!job.id || job.repeatJobKey) return;
    try {
      await this.outbox.markCompleted(job.name, job.id, new Date());
    } catch (error) {
      this.logger.warn({ err: error, jobName: job.name }, 'could not mark the outbox message completed');
    }
  }
}
