import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { DatabaseConfig } from '@onegate/config';
import { AppConfig, loadConfig } from '@onegate/config';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

/** A configuration for one suite: its own database and its own queue prefix, so runs never meet. */
export function testConfig(database: DatabaseConfig): AppConfig {
  const base = loadConfig({
    NODE_ENV: 'test',
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: `{onegate-test-${randomBytes(4).toString('hex')}}`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    WORKER_CONCURRENCY: '2',
    STORAGE_DIR: mkdtempSync(join(tmpdir(), 'onegate-files-')),
  });
  // No suite talks to a national portal, nor to an SMS provider, unless it starts the stand-in and says
  // so (test/national-sync, test/text-messages).
  return new AppConfig({
    ...base,
    database,
    readDatabase: database,
    nationalPortal: { ...base.nationalPortal, url: null },
    textMessages: { ...base.textMessages, url: null },
  } as AppConfig);
}
