import { WorkerHost } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Job } from 'bullmq';

import { AppConfig } from '@onegate/config';

import { JobHandlerRegistry } from './job-handler-registry';
import { JobMetrics } from './job-metrics';

/**
 * Base of every queue's processor: hands each job to the @JobHandler for its name, and counts it.
 * A failed job is retried by BullMQ with the queue's backoff.
 */
@Injectable()
export abstract class RoutingProcessor extends WorkerHost implements OnApplicationBootstrap {
  public constructor(
    private readonly handlers: JobHandlerRegistry,
    private readonly metrics: JobMetrics,
    private readonly config: AppConfig,
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
  }
}
