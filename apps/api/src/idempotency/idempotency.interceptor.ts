import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { HttpException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { catchError, from, mergeMap, of, throwError } from 'rxjs';
import type { Observable } from 'rxjs';

import type { AuthenticatedUser } from '@onegate/access';

import { HeldKey, IdempotencyClaims, stillRunning } from './idempotency-claims';
import { idempotencyRecordId, sha256 } from './idempotency-key';

interface StoredAnswer {
  statusCode: number;
  body: unknown;
}

/**
 * Idempotency-Key (draft IETF standard): the first request with a key is carried out and its answer
 * kept; the same key and body again get that answer without doing anything; another body with the
 * same key is refused (422); a repeat while the first is still running gets 409 and Retry-After.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  public constructor(private readonly claims: IdempotencyClaims) {}

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
    return from(this.begin(id, requestHash, context)).pipe(
      mergeMap((begun) =>
        begun instanceof HeldKey ? this.carryOut(begun, context, next) : this.replay(context, begun),
      ),
    );
  }

  /** The key held for this first request, or the answer kept for it. */
  private async begin(
    id: string,
    requestHash: string,
    context: ExecutionContext,
  ): Promise<HeldKey | StoredAnswer> {
    const claimed = await this.claims.claim(id, requestHash);
    if (claimed instanceof HeldKey) return claimed;
    if (claimed.requestHash !== requestHash) {
      throw new UnprocessableEntityException(
        'This Idempotency-Key was already used with a different request',
      );
    }
    if (claimed.statusCode === null) {
      throw stillRunning(claimed, context.switchToHttp().getResponse<Response>());
    }
    return { statusCode: claimed.statusCode, body: claimed.responseBody };
  }

  private replay(context: ExecutionContext, stored: StoredAnswer): Observable<unknown> {
    if (stored.statusCode >= 400)
      return throwError(() => new HttpException(stored.body as object, stored.statusCode));
    context.switchToHttp().getResponse<Response>().status(stored.statusCode);
    return of(stored.body);
  }

  private carryOut(held: HeldKey, context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      mergeMap((body) => from(held.complete(response.statusCode, body)).pipe(mergeMap(() => of(body)))),
      catchError((error: unknown) => {
        // A refused request (4xx) is an answer too; a failure on our side (5xx) frees the key for a retry.
        const answer = error instanceof HttpException && error.getStatus() < 500 ? error : null;
        const settle = answer ? held.complete(answer.getStatus(), answer.getResponse()) : held.release();
        return from(settle).pipe(mergeMap(() => throwError(() => error)));
      }),
    );
  }
}
