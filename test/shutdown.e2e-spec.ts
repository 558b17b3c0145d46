import { describe, expect, it } from 'vitest';

import { AppConfig } from '@onegate/config';

import { sendPartly } from './support/raw-http';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

const GRACE_MS = 1_000;

describe(`stopping the API (${testDatabaseKind()})`, () => {
  it('closes a connection still busy after the grace period instead of waiting for its client', async () => {
    const stack = await TestStack.start({
      worker: false,
      configure: (config) =>
        new AppConfig({
          ...config,
          // Long enough that only the grace period can end the stalled request below.
          httpTimeouts: {
            ...config.httpTimeouts,
            bodyIdleMs: 120_000,
            requestMs: 300_000,
            shutdownGraceMs: GRACE_MS,
          },
        }),
    });
    const stalled = sendPartly(
      stack.apiUrl,
      {
        method: 'POST',
        path: '/api/auth/login',
        headers: { 'content-type': 'application/json', 'content-length': '1000', origin: stack.apiUrl },
        bodyStart: Buffer.from('{"email":"'),
      },
      60_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const stopping = Date.now();
    await stack.stop();
    const stoppedAfter = Date.now() - stopping;
    expect(stoppedAfter).toBeGreaterThanOrEqual(GRACE_MS - 100);
    expect(stoppedAfter).toBeLessThan(GRACE_MS + 4_000);
    expect((await stalled).closedByServer).toBe(true);
  });
});
