import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { OutboxRepository, TransactionRunner } from '@onegate/persistence';

import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

const gauge = (metrics: string, name: string) => {
  const line = new RegExp(`^${name}\\{[^}]*\\} (\\S+)$`, 'm').exec(metrics);
  return line ? Number(line[1]) : undefined;
};

describe(`outbox backlog metrics (${testDatabaseKind()})`, () => {
  let stack: TestStack;

  // No worker: nothing relays, so what the API writes to the outbox stays there.
  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
  });

  afterAll(() => stack?.stop());

  const scrape = async () => (await fetch(`${stack.apiUrl}/metrics`)).text();

  it('shows the messages waiting for the relay and how long the oldest has waited', async () => {
    const before = await scrape();
    expect(gauge(before, 'onegate_outbox_pending')).toBe(0);
    expect(gauge(before, 'onegate_outbox_oldest_pending_age_seconds')).toBe(0);

    const outbox = stack.api.get(OutboxRepository);
    await stack.api.get(TransactionRunner).run((manager) =>
      outbox.add(manager, [
        { jobName: 'system.ping', jobId: 'outbox-metrics-1', payload: { requestedAt: '', note: null } },
        { jobName: 'system.ping', jobId: 'outbox-metrics-2', payload: { requestedAt: '', note: null } },
      ]),
    );
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const after = await scrape();
    expect(gauge(after, 'onegate_outbox_pending')).toBe(2);
    expect(gauge(after, 'onegate_outbox_oldest_pending_age_seconds')).toBeGreaterThanOrEqual(1);
  });
});
