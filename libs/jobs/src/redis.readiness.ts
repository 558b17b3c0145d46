import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Queue } from 'bullmq';

import { ReadinessCheck } from '@onegate/observability';

import { QueueName } from './job-registry';

@Injectable()
export class RedisReadiness implements ReadinessCheck {
  public constructor(
    private readonly indicators: HealthIndicatorService,
    @InjectQueue(QueueName.System) private readonly queue: Queue,
  ) {}

  public check() {
    return this.indicators
      .check('redis')
      .attempt(async () => {
        // A round trip through the queue's own connection: proves Redis answers and the prefix is usable.
        await this.queue.getJobCounts('waiting');
      })
      .withTimeout(3_000);
  }
}
