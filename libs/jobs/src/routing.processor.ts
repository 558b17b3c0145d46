import { WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job } from 'bullmq';

import { AppConfig } from '@onegate/config';
import { OutboxRepository } from '@onegate/persistence';

import { JobHandlerRegistry } from './job-handler-registry';
import { JobMetrics } from './job-metrics';

/**
 * Base of every queue's processor: hands each job to the @JobHandler for its name, and counts it.
 * A failed job is retried by BullMQ with the queue's backoff. A job that came from the outbox marks its
 * message completed once it has succeeded, before BullMQ records it (and may later remove it), so the
 * reconciler never takes a finished job for a lost one.
 */
@Injectable()
export abstract class RoutingProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(RoutingProcessor.name);

  public constructor(
    private readonly handlers: JobHandlerRegistry,
    private readonly metrics: JobMetrics,
    private readonly config: AppConfig,
    private readonly outbox: OutboxRepository,
  ) {
    super();
  }

  public onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.workerConcurrency;
  }

  public async process(job: Job): Promise<void> {
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
