import { rmSync } from 'node:fs';

import Redis from 'ioredis';

import type { AppConfig } from '@onegate/config';

import { TEST_REDIS_URL } from './test-config';

/** Removes what a suite's configuration made outside its database: its queue keys and stored files. */
export async function removeSuiteLeftovers(config: AppConfig): Promise<void> {
  rmSync(config.storageDir, { recursive: true, force: true });
  await removeQueueKeys(config.queuePrefix);
}

/** Deletes every Redis key under a suite's queue prefix. */
export async function removeQueueKeys(prefix: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
