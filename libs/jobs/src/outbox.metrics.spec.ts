import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';

import type { OutboxRepository } from '@onegate/persistence';

import { OutboxMetrics } from './outbox.metrics';

const outboxWith = (pending: number, oldestPendingAt: Date | null) =>
  ({
    countPending: async () => pending,
    oldestPendingAt: async () => oldestPendingAt,
  }) as unknown as OutboxRepository;

async function scrape(outbox: OutboxRepository): Promise<string> {
  const registry = new Registry();
  new OutboxMetrics(registry, outbox);
  return registry.metrics();
}

describe('outbox metrics', () => {
  it('report the messages waiting and the age of the oldest, in seconds', async () => {
    const text = await scrape(outboxWith(3, new Date(Date.now() - 90_000)));
    expect(text).toMatch(/^onegate_outbox_pending 3$/m);
    const age = Number(/^onegate_outbox_oldest_pending_age_seconds (\S+)$/m.exec(text)![1]);
    expect(age).toBeGreaterThanOrEqual(90);
    expect(age).toBeLessThan(100);
  });

  it('report zero when nothing waits', async () => {
    const text = await scrape(outboxWith(0, null));
    expect(text).toMatch(/^onegate_outbox_pending 0$/m);
    expect(text).toMatch(/^onegate_outbox_oldest_pending_age_seconds 0$/m);
  });
});
