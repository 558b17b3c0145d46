import { Injectable } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';

import { JobDispatcher } from './job-dispatcher';

const STATES = ['waiting', 'active', 'delayed', 'completed', 'failed'] as const;

/** Job counts per queue and state, read from Redis when /metrics is scraped. */
@Injectable()
export class QueueDepthMetrics {
  public constructor(registry: Registry, dispatcher: JobDispatcher) {
    new Gauge({
      name: 'onegate_queue_jobs',
      help: 'Jobs in each queue by state',
      labelNames: ['queue', 'state'],
      registers: [registry],
      async collect() {
        for (const queue of dispatcher.allQueues()) {
          const counts = await queue.getJobCounts(...STATES);
          for (const state of STATES) this.set({ queue: queue.name, state }, counts[state] ?? 0);
        }
      },
    });
  }
}
