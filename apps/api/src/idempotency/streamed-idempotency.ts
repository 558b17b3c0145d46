import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { PassThrough, pipeline } from 'node:stream';

import { HttpException, HttpStatus, Injectable, UnprocessableEntityException } from '@nestjs/common';
import type { Request } from 'express';

import type { AuthenticatedUser } from '@onegate/access';

import { HeldKey, IdempotencyClaims, stillRunning } from './idempotency-claims';
import { idempotencyRecordId } from './idempotency-key';

/** Stands for the body's hash while a streamed first request is still being read. */
const NOT_YET_READ = 'streaming';

/** A copy of a body that hashes the bytes as they pass, so a body of any size is never held. */
class HashingStream extends PassThrough {
  private readonly hash = createHash('sha256');
  public digest: string | null = null;

  public override _transform(chunk: Buffer, encoding: BufferEncoding, done: () => void): void {
    this.hash.update(chunk);
    super._transform(chunk, encoding, done);
  }

  public override _flush(done: () => void): void {
    this.digest = this.hash.digest('hex');
    done();
  }
}

/**
 * Idempotency-Key for a route that answers 200 and whose body streams through its handler (imports
 * of any size): the body's SHA-256 is computed while the handler reads it, and kept with the answer once the body has
 * been read to its end. A repeat reads (and hashes) its body without handing it on: the same body
 * gets the first answer, another body 422, a repeat while the first is running 409. A first request
 * that fails, or answers before reading its whole body, frees its key: the key cannot be bound to a
 * body that was not read, and a retried import skips what was already stored.
 */
@Injectable()
export class StreamedIdempotency {
  public constructor(private readonly claims: IdempotencyClaims) {}

  public async run<T>(
    request: Request & { user?: AuthenticatedUser },
    handle: (body: Readable) => Promise<T>,
  ): Promise<T> {
    const key = request.header('idempotency-key');
    if (key === undefined) return handle(request);
    const id = idempotencyRecordId(key, {
      userId: request.user?.id,
      method: request.method,
      path: request.path,
    });
    const claimed = await this.claims.claim(id, NOT_YET_READ);
    if (claimed instanceof HeldKey) return this.carryOut(claimed, request, handle);
    if (claimed.statusCode === null) throw stillRunning(claimed, request.res);
    if ((await hashOf(request)) !== claimed.requestHash) {
      throw new UnprocessableEntityException(
        'This Idempotency-Key was already used with a different request',
      );
    }
    const body = claimed.responseBody as T;
    if (claimed.statusCode >= 400) throw new HttpException(body as object, claimed.statusCode);
    return body;
  }

  private async carryOut<T>(
    held: HeldKey,
    request: Request,
    handle: (body: Readable) => Promise<T>,
  ): Promise<T> {
    const hashing = new HashingStream();
    pipeline(request, hashing, () => undefined);
    let answer: T;
    try {
      answer = await handle(hashing);
    } catch (error) {
      await held.release();
      throw error;
    }
    if (hashing.digest === null) await held.release();
    else await held.complete(HttpStatus.OK, answer, hashing.digest);
    return answer;
  }
}

function hashOf(body: Readable): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    body.on('data', (chunk: Buffer) => hash.update(chunk));
    body.once('end', () => resolve(hash.digest('hex')));
    body.once('error', reject);
  });
}
