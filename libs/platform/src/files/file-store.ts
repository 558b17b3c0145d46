import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';

import { Injectable } from '@nestjs/common';

import { AppConfig } from '@onegate/config';

/** Bytes in memory, or streamed (a generator is read once: a retry happens only before it is opened). */
type Content = Buffer | AsyncIterable<Buffer>;

export interface StoredFile {
  storageKey: string;
  sha256: string;
  sizeBytes: number;
}

/**
 * Keeps file bytes under STORAGE_DIR with generated names (never the uploader's), written to a
 * temporary name first so a crash never leaves half a file under a real key. A save returns only once
 * the bytes and the name are on disk (fsync of the file, then of its directory): the caller then
 * records the file in the database, and a power cut after that commit must not leave a row whose
 * file was still only in memory.
 */
@Injectable()
export class FileStore {
  /** Directories this process has made or found (at most 65,536 names, under 5 MB). */
  private readonly knownDirectories = new Set<string>();

  public constructor(private readonly config: AppConfig) {}

  public async save(bytes: Buffer): Promise<StoredFile> {
    const storageKey = await this.store(bytes);
    return { storageKey, sha256: createHash('sha256').update(bytes).digest('hex'), sizeBytes: bytes.length };
  }

  /** Stores a copy of a file on disk (an upload received to a temporary file), streamed through, never held whole. */
  public async saveFile(path: string): Promise<StoredFile> {
    const hash = createHash('sha256');
    let sizeBytes = 0;
    const storageKey = await this.store(
      (async function* hashed() {
        for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
          hash.update(chunk);
          sizeBytes += chunk.length;
          yield chunk;
        }
      })(),
    );
    return { storageKey, sha256: hash.digest('hex'), sizeBytes };
  }

  /**
   * A durable copy of stored bytes under a new key, as a reused document gets (docs/documents.md, "Reuse"):
   * each row owns its bytes, so removing the original's never touches the copy.
   */
  public copy(storageKey: string): Promise<StoredFile> {
    return this.saveFile(join(this.directoryOf(storageKey), storageKey));
  }

  private async store(content: Content): Promise<string> {
    const storageKey = randomUUID();
    const directory = this.directoryOf(storageKey);
    const temporary = join(directory, `.${storageKey}.part`);
    await this.writeNew(directory, temporary, content);
    await rename(temporary, join(directory, storageKey));
    await syncDirectory(directory);
    return storageKey;
  }

  public open(storageKey: string): Readable {
    return createReadStream(join(this.directoryOf(storageKey), storageKey));
  }

  public async remove(storageKey: string): Promise<void> {
    await rm(join(this.directoryOf(storageKey), storageKey), { force: true });
  }

  /** Makes the directory only when it is not known to exist, or has gone (removed by hand, a restore). */
  private async writeNew(directory: string, path: string, content: Content): Promise<void> {
    if (this.knownDirectories.has(directory)) {
      const written = await writeDurably(path, content).then(
        () => true,
        (error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error;
          this.knownDirectories.delete(directory);
          return false;
        },
      );
      if (written) return;
    }
    if (await mkdir(directory, { recursive: true })) {
      // New fan-out directories are entries of their parents, which must reach the disk too.
      await syncDirectory(this.config.storageDir);
      await syncDirectory(dirname(directory));
    }
    this.knownDirectories.add(directory);
    await writeDurably(path, content);
  }

  /** Two levels of fan-out keep directories small at national scale. */
  private directoryOf(storageKey: string): string {
    return join(this.config.storageDir, storageKey.slice(0, 2), storageKey.slice(2, 4));
  }
}

/** A failed write (a full disk, say) leaves no partial temporary file behind. */
async function writeDurably(path: string, content: Content): Promise<void> {
  const file = await open(path, 'wx');
  let written = false;
  try {
    // Each writeFile carries on from where the last one ended.
    if (Buffer.isBuffer(content)) await file.writeFile(content);
    else for await (const chunk of content) await file.writeFile(chunk);
    await file.sync();
    written = true;
  } finally {
    await file.close();
    if (!written) await rm(path, { force: true });
  }
}

/** What some file systems (object-store mounts, say) answer when asked to fsync a directory. */
const DIRECTORY_SYNC_UNSUPPORTED = new Set(['EINVAL', 'EBADF', 'ENOTSUP', 'EOPNOTSUPP', 'EISDIR']);

/** As PostgreSQL does: where a file system cannot fsync a directory, its names are as safe as it makes them. */
async function syncDirectory(path: string): Promise<void> {
  const directory = await open(path, 'r');
  try {
    await directory.sync();
  } catch (error) {
    if (!DIRECTORY_SYNC_UNSUPPORTED.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    await directory.close();
  }
}
