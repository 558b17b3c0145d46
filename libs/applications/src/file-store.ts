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
  public constructor(private readonly config: AppConfig) {}

  public async save(bytes: Buffer): Promise<StoredFile> {
    const storageKey = randomUUID();
    const directory = this.directoryOf(storageKey);
    await mkdir(directory, { recursive: true });
    const temporary = join(directory, `.${storageKey}.part`);
    await writeFile(temporary, bytes, { flag: 'wx' });
    await rename(temporary, join(directory, storageKey));
    return { storageKey, sha256: createHash('sha256').update(bytes).digest('hex'), sizeBytes: bytes.length };
  }

  public open(storageKey: string): Readable {
    return createReadStream(join(this.directoryOf(storageKey), storageKey));
  }

  public async remove(storageKey: string): Promise<void> {
    await rm(join(this.directoryOf(storageKey), storageKey), { force: true });
  }

  /** Two levels of fan-out keep directories small at national scale. */
  private directoryOf(storageKey: string): string {
    return join(this.config.storageDir, storageKey.slice(0, 2), storageKey.slice(2, 4));
  }
}
