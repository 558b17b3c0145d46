import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { ConflictException, HttpException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { catchError, from, mergeMap, of, throwError } from 'rxjs';
import type { Observable } from 'rxjs';

import type { AuthenticatedUser } from '@onegate/access';
import { IdempotencyRepository } from '@onegate/persistence';

import { idempotencyRecordId, KEY_LIFETIME_MS, sha256 } from './idempotency-key';

interface StoredAnswer {
  statusCode: number;
  body: unknown;
}

/**
 * Idempotency-Key (draft IETF standard): the first request with a key is carried out and its answer
 * kept; the same key and body again get that answer without doing anything; another body with the
 * same key is refused (422); a repeat while the first is still running gets 409.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  public constructor(private readonly records: IdempotencyRepository) {}

  public intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
    const key = request.header('idempotency-key');
    if (key === undefined) return next.handle();
    const id = idempotencyRecordId(key, {
      userId: request.user?.id,
      method: request.method,
      path: request.path,
    });
    const requestHash = sha256(JSON.stringify(request.body ?? null));
    return from(this.begin(id, requestHash)).pipe(
      mergeMap((replay) => (replay ? this.replay(context, replay) : this.carryOut(id, context, next))),
    );
  }

  /** Null when this is the first request with the key; else the stored answer. */
  private async begin(id: string, requestHash: string): Promise<StoredAnswer | null> {
    const now = new Date();
    if (await this.records.claim(id, requestHash, now)) return null;
    const existing = await this.records.find(id);
    if (!existing || existing.createdAt.getTime() < now.getTime() - KEY_LIFETIME_MS) {
      if (existing) await this.records.release(id);
      return (await this.records.claim(id, requestHash, now)) ? null : this.begin(id, requestHash);
    }
    if (existing.requestHash !== requestHash) {
      throw new UnprocessableEntityException(
        'This Idempotency-Key was already used with a different request',
      );
    }
    if (existing.statusCode === null) {
      throw new ConflictException('A request with this Idempotency-Key is still being processed');
    }
    return { statusCode: existing.statusCode, body: JSON.parse(existing.responseBody ?? 'null') as unknown };
  }

  private replay(
    context: ExecutionContext,
    stored: { statusCode: number; body: unknown },
  ): Observable<unknown> {
    if (stored.statusCode >= 400)
      return throwError(() => new HttpException(stored.body as object, stored.statusCode));
    context.switchToHttp().getResponse<Response>().status(stored.statusCode);
    return of(stored.body);
  }

  private carryOut(id: string, context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      mergeMap((body) =>
        from(this.records.complete(id, response.statusCode, JSON.stringify(body ?? null))).pipe(
          mergeMap(() => of(body)),
        ),
      ),
      catchError((error: unknown) => {
        // A refused request (4xx) is an answer too; a failure on our side (5xx) frees the key for a retry.
        const answer = error instanceof HttpException && error.getStatus() < 500 ? error : null;
        const settle = answer
          ? this.records.complete(id, answer.getStatus(), JSON.stringify(answer.getResponse()))
          : this.records.release(id);
        return from(settle).pipe(mergeMap(() => throwError(() => error)));
      }),
    );
  }
}
