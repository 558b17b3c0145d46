import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import type { Request } from 'express';
import type { StorageEngine } from 'multer';

import { processUploadFolder } from './upload-folders';

/** A file part that passed its limit while it streamed in. */
export class PartTooLarge extends Error {
  public constructor(
    public readonly field: string,
    public readonly limitBytes: number,
  ) {
    super(`The file "${field}" is larger than its limit`);
  }
}

/**
 * Streams each file part to a temporary file, counting its bytes: a part passing its own limit
 * (`limitOf` its field) is cut off at that byte and `onTooLarge` hears of it at once, while the
 * rest of the post is still coming.
 */
export function limitedDiskStorage(
  limitOf: (field: string) => number,
  onTooLarge: (refusal: PartTooLarge) => void,
): StorageEngine {
  return {
    _handleFile(_request: Request, file, done) {
      const limit = limitOf(file.fieldname);
      let size = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, next) {
          size += chunk.length;
          if (size <= limit) return next(null, chunk);
          const refusal = new PartTooLarge(file.fieldname, limit);
          onTooLarge(refusal);
          next(refusal);
        },
      });
      void processUploadFolder().then(async (destination) => {
        const filename = randomUUID();
        const path = join(destination, filename);
        try {
          await pipeline(file.stream, counter, createWriteStream(path));
          done(null, { destination, filename, path, size });
        } catch (error) {
          file.stream.resume(); // the parser goes on to the next part; what came is thrown away
          await rm(path, { force: true });
          done(error as Error);
        }
      }, done);
    },
    _removeFile(_request, file, done) {
      rm(file.path, { force: true }).then(() => done(null), done);
    },
  };
}
