import * as crypto from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { AppConfig } from '@onegate/config';

import { FileStore } from './file-store';

vi.mock('node:crypto', async (original) => {
  const actual = await original<typeof crypto>();
  return { ...actual, randomUUID: vi.fn(actual.randomUUID) };
});
/** Keys in one directory (ab/cd), so that saves find it already made. */
const sameDirectoryKey = () =>
  `abcd${crypto.webcrypto.randomUUID().slice(4)}` as ReturnType<typeof crypto.randomUUID>;

describe('FileStore', () => {
  let storageDir: string;
  let store: FileStore;

  beforeEach(() => {
    storageDir = mkdtempSync(join(tmpdir(), 'onegate-files-'));
    store = new FileStore({ storageDir } as AppConfig);
  });

  afterEach(() => {
    vi.mocked(crypto.randomUUID).mockRestore();
    rmSync(storageDir, { recursive: true, force: true });
  });

  const pathOf = (key: string) => join(storageDir, key.slice(0, 2), key.slice(2, 4), key);

  it('keeps the bytes under a generated key, with their hash and size, and no temporary file left', async () => {
    const bytes = Buffer.from('%PDF-1.4 một tệp');
    const stored = await store.save(bytes);
    expect(readFileSync(pathOf(stored.storageKey))).toEqual(bytes);
    expect(stored.sha256).toBe(crypto.createHash('sha256').update(bytes).digest('hex'));
    expect(stored.sizeBytes).toBe(bytes.length);
    expect(
      readdirSync(join(storageDir, stored.storageKey.slice(0, 2), stored.storageKey.slice(2, 4))),
    ).toEqual([stored.storageKey]);
    expect(await text(store.open(stored.storageKey))).toBe('%PDF-1.4 một tệp');
  });

  it('makes a directory again when it was removed after this process had made it', async () => {
    vi.mocked(crypto.randomUUID).mockImplementation(sameDirectoryKey);
    const first = await store.save(Buffer.from('one'));
    expect(first.storageKey.startsWith('abcd')).toBe(true);
    await store.save(Buffer.from('two, in the directory made for one'));
    rmSync(join(storageDir, 'ab'), { recursive: true }); // say, by hand or by a restore
    const again = await store.save(Buffer.from('three, after the directory went'));
    expect(readFileSync(pathOf(again.storageKey), 'utf8')).toBe('three, after the directory went');
    expect(readdirSync(join(storageDir, 'ab', 'cd'))).toEqual([again.storageKey]);
  });

  it('removes a file, and a second removal is no error', async () => {
    const stored = await store.save(Buffer.from('gone soon'));
    await store.remove(stored.storageKey);
    await store.remove(stored.storageKey);
    expect(() => readFileSync(pathOf(stored.storageKey))).toThrow(/ENOENT/);
  });
});
