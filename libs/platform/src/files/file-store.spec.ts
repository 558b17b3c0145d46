import * as crypto from 'node:crypto';
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { open } from 'node:fs/promises';
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

  it('has the bytes and then the name on disk before it answers (fsync of the file, then of its directory)', async () => {
    vi.mocked(crypto.randomUUID).mockImplementation(sameDirectoryKey);
    const synced = await recordSyncs(async () => {
      await store.save(Buffer.from('first, in a new directory'));
    });
    expect(synced.slice(0, 2)).toEqual([storageDir, join(storageDir, 'ab')]);
    expect(synced.slice(2)).toEqual([
      expect.stringMatching(/\/ab\/cd\/\.abcd[^/]+\.part$/),
      join(storageDir, 'ab', 'cd'),
    ]);

    const again = await recordSyncs(async () => {
      await store.save(Buffer.from('second, the directory known'));
    });
    expect(again).toEqual([expect.stringMatching(/\.part$/), join(storageDir, 'ab', 'cd')]);
  });

  it('stores a copy of a file on disk, streamed, with its hash and size, synced like a save', async () => {
    const source = join(storageDir, 'received.tmp');
    const bytes = crypto.randomBytes(3 * 1024 * 1024 + 17); // several read chunks
    writeFileSync(source, bytes);
    vi.mocked(crypto.randomUUID).mockImplementation(sameDirectoryKey);
    let stored: Awaited<ReturnType<FileStore['saveFile']>> | undefined;
    const synced = await recordSyncs(async () => {
      stored = await store.saveFile(source);
    });
    expect(readFileSync(pathOf(stored!.storageKey)).equals(bytes)).toBe(true);
    expect(stored!.sha256).toBe(crypto.createHash('sha256').update(bytes).digest('hex'));
    expect(stored!.sizeBytes).toBe(bytes.length);
    expect(synced.slice(-2)).toEqual([expect.stringMatching(/\.part$/), join(storageDir, 'ab', 'cd')]);
    expect(readFileSync(source).equals(bytes)).toBe(true); // the caller's file is the caller's to remove
  });

  it('leaves nothing behind when the disk refuses the bytes, and says why', async () => {
    const handlePrototype = await fileHandlePrototype();
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const writeFile = vi.spyOn(handlePrototype, 'writeFile').mockRejectedValueOnce(full);
    try {
      await expect(store.save(Buffer.from('too much'))).rejects.toThrow(/ENOSPC/);
    } finally {
      writeFile.mockRestore();
    }
    const left = readdirSync(storageDir, { recursive: true, withFileTypes: true }).filter((entry) =>
      entry.isFile(),
    );
    expect(left).toEqual([]);
  });

  it('stores files where the file system cannot fsync a directory, and fails when the disk reports an error', async () => {
    const handlePrototype = await fileHandlePrototype();
    const original = handlePrototype.sync;
    const refuse = (code: string) =>
      vi.spyOn(handlePrototype, 'sync').mockImplementation(function (this: { fd: number }) {
        if (statSync(readlinkSync(`/proc/self/fd/${this.fd}`)).isDirectory()) {
          return Promise.reject(Object.assign(new Error(`${code}: fsync`), { code }));
        }
        return original.call(this);
      });

    const unsupported = refuse('EINVAL');
    try {
      const stored = await store.save(Buffer.from('on a mount without directory fsync'));
      expect(readFileSync(pathOf(stored.storageKey), 'utf8')).toBe('on a mount without directory fsync');
    } finally {
      unsupported.mockRestore();
    }

    const failing = refuse('EIO');
    try {
      await expect(store.save(Buffer.from('the disk failed'))).rejects.toThrow(/EIO/);
    } finally {
      failing.mockRestore();
    }
  });

  it('removes a file, and a second removal is no error', async () => {
    const stored = await store.save(Buffer.from('gone soon'));
    await store.remove(stored.storageKey);
    await store.remove(stored.storageKey);
    expect(() => readFileSync(pathOf(stored.storageKey))).toThrow(/ENOENT/);
  });
});

/** The paths that were fsynced while `act` ran, in order (read from the descriptor, on Linux). */
async function recordSyncs(act: () => Promise<void>): Promise<string[]> {
  const handlePrototype = await fileHandlePrototype();
  const original = handlePrototype.sync;
  const synced: string[] = [];
  const sync = vi.spyOn(handlePrototype, 'sync').mockImplementation(function (this: { fd: number }) {
    synced.push(readlinkSync(`/proc/self/fd/${this.fd}`));
    return original.call(this);
  });
  try {
    await act();
  } finally {
    sync.mockRestore();
  }
  return synced;
}

interface FileHandleMethods {
  sync(this: { fd: number }): Promise<void>;
  writeFile(data: Buffer): Promise<void>;
}

/** What every `FileHandle` inherits from (the class itself is not exported by Node). */
async function fileHandlePrototype(): Promise<FileHandleMethods> {
  const probe = await open(__filename, 'r');
  await probe.close();
  return Object.getPrototypeOf(probe) as FileHandleMethods;
}
