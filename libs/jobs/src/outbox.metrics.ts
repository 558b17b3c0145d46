import { Injectable } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';

import { OutboxRepository } from '@onegate/persistence';

/**
 * How far the outbox relay is behind, read from the database when /metrics is scraped: the messages
 * not yet moved to their queues, and how long the oldest has waited. Both stay near zero while the
 * relay runs; they grow while Redis is away or no worker is running.
 */
@Injectable()
export class OutboxMetrics {
  public constructor(registry: Registry, messages: OutboxRepository) {
    new Gauge({
      name: 'onegate_outbox_pending',
      help: 'Outbox messages committed but not yet moved to their queue',
      registers: [registry],
      async collect() {
        this.set(await messages.countPending());
      },
    });
    new Gauge({
      name: 'onegate_outbox_oldest_pending_age_seconds',
      help: 'Age of the oldest outbox message not yet moved to its queue; 0 when none waits',
      registers: [registry],
      async collect() {
        const oldest = await messages.oldestPendingAt();
        this.set(oldest ? Math.max(0, (Date.now() - oldest.getTime()) / 1000) : 0);
      },
    });
  }
}
