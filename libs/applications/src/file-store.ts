import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

import { Injectable } from '@nestjs/common';

import { AppConfig } from '@onegate/config';

export interface StoredFile {
  storageKey: string;
  sha256: string;
  sizeBytes: number;
}

/**
 * Keeps file bytes under STORAGE_DIR with generated names (never the uploader's), written to a
 * temporary name first so a crash never leaves half a file under a real key.
 */
@Injectable()
export class FileStore {
  /** Directories this process has made or found (at most 65,536 names, under 5 MB). */
  private readonly knownDirectories = new Set<string>();

  public constructor(private readonly config: AppConfig) {}

  public async save(bytes: Buffer): Promise<StoredFile> {
    const storageKey = randomUUID();
    const directory = this.directoryOf(storageKey);
    const temporary = join(directory, `.${storageKey}.part`);
    await this.writeNew(directory, temporary, bytes);
    await rename(temporary, join(directory, storageKey));
    return { storageKey, sha256: createHash('sha256').update(bytes).digest('hex'), sizeBytes: bytes.length };
  }

  public open(storageKey: string): Readable {
    return createReadStream(join(this.directoryOf(storageKey), storageKey));
  }

  public async remove(storageKey: string): Promise<void> {
    await rm(join(this.directoryOf(storageKey), storageKey), { force: true });
  }

  /** Makes the directory only when it is not known to exist, or has gone (removed by hand, a restore). */
  private async writeNew(directory: string, path: string, bytes: Buffer): Promise<void> {
    if (this.knownDirectories.has(directory)) {
      const written = await writeFile(path, bytes, { flag: 'wx' }).then(
        () => true,
        (error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error;
          this.knownDirectories.delete(directory);
          return false;
        },
      );
      if (written) return;
    }
    await mkdir(directory, { recursive: true });
    this.knownDirectories.add(directory);
    await writeFile(path, bytes, { flag: 'wx' });
  }

  /** Two levels of fan-out keep directories small at national scale. */
  private directoryOf(storageKey: string): string {
    return join(this.config.storageDir, storageKey.slice(0, 2), storageKey.slice(2, 4));
  }
}
