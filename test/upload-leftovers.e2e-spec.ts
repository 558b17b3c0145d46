import { existsSync } from 'node:fs';
import { mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppConfig } from '@onegate/config';

import { UPLOADS_ROOT } from '../apps/api/src/uploads/upload-folders';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

const HOUR_AGO = new Date(Date.now() - 60 * 60_000);

/** A folder as a process leaves it, its files and itself last written at `modified`. */
async function leave(folder: string, files: Record<string, Date>, modified: Date): Promise<void> {
  await mkdir(folder, { recursive: true });
  for (const [name, at] of Object.entries(files)) {
    await writeFile(join(folder, name), 'part of an upload');
    await utimes(join(folder, name), at, at);
  }
  await utimes(folder, modified, modified);
}

/**
 * An API process keeps the files of uploads being received in a temporary folder of its own; one that
 * died (kill -9) leaves them. The next API process to start removes those older than a request may
 * last, and nothing a live process may still be writing or reading.
 */
describe(`temporary upload files left by a process that died (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  // Pids no process has: the processes that left these are gone.
  const crashed = join(UPLOADS_ROOT, '2147483646-crashed');
  const crashedLongAgo = join(UPLOADS_ROOT, '2147483645-crashed');
  const sibling = join(UPLOADS_ROOT, '2147483644-sibling');

  beforeAll(async () => {
    await leave(crashed, { stale: HOUR_AGO, fresh: new Date() }, HOUR_AGO);
    await leave(crashedLongAgo, { stale: HOUR_AGO }, HOUR_AGO);
    await leave(sibling, { receiving: new Date() }, new Date());
    stack = await TestStack.start({
      worker: false,
      configure: (config) =>
        new AppConfig({ ...config, httpTimeouts: { ...config.httpTimeouts, requestMs: 60_000 } }),
    });
  });

  afterAll(async () => {
    await stack?.stop();
    await Promise.all(
      [crashed, crashedLongAgo, sibling].map((folder) => rm(folder, { recursive: true, force: true })),
    );
  });

  it('removes, on start, the files older than a request may last, and the folders they leave empty', () => {
    expect(existsSync(join(crashed, 'stale'))).toBe(false);
    expect(existsSync(crashedLongAgo)).toBe(false);
  });

  it('keeps the files a live process may still be using', () => {
    expect(existsSync(join(crashed, 'fresh'))).toBe(true);
    expect(existsSync(join(sibling, 'receiving'))).toBe(true);
  });
});
