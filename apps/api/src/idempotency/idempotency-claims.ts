import { ConflictException, Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';

import { AppConfig } from '@onegate/config';
import type { IdempotencyRecord, KeyClaim, StoredAnswerBody } from '@onegate/persistence';
import { IdempotencyRepository } from '@onegate/persistence';

import { KEY_LIFETIME_MS } from './idempotency-key';

/**
 * A key this process holds while it answers the request: its lease is renewed until the answer is kept
 * or the key freed, so only a process that died (or stalled) lets it lapse.
 */
export class HeldKey {
  private readonly renewal: NodeJS.Timeout;

  public constructor(
    private readonly records: IdempotencyRepository,
    private readonly claim: KeyClaim,
    leaseMs: number,
    logger: Logger,
  ) {
    this.renewal = setInterval(() => {
      records.renew(claim, new Date(Date.now() + leaseMs)).catch((error: unknown) => {
        logger.warn({ err: error }, 'could not renew the lease of an idempotency key');
      });
    }, leaseMs / 3);
    this.renewal.unref();
  }

  public complete(statusCode: number, body: unknown, requestHash?: string): Promise<void> {
    clearInterval(this.renewal);
    return this.records.complete(this.claim, statusCode, (body ?? null) as StoredAnswerBody, requestHash);
  }

  public release(): Promise<void> {
    clearInterval(this.renewal);
    return this.records.release(this.claim);
  }
}

/**
 * Claims of Idempotency-Keys (docs/applications.md, "Repeating a request"). A key is free when it was
 * never used, when its record is older than its lifetime, or when it holds no answer and its lease
 * lapsed: the request that claimed it was cut off (the process was killed) and a retry with the same
 * body runs it again. That is safe because every action checks the application's state and version.
 */
@Injectable()
export class IdempotencyClaims {
  private readonly logger = new Logger(IdempotencyClaims.name);

  public constructor(
    private readonly records: IdempotencyRepository,
    private readonly config: AppConfig,
  ) {}

  /** The key, held for this request; or the record of the request that holds it or answered it. */
  public async claim(id: string, requestHash: string): Promise<HeldKey | IdempotencyRecord> {
    const at = new Date();
    const leaseUntil = new Date(at.getTime() + this.config.idempotencyLeaseMs);
    if (await this.records.claim(id, requestHash, at, leaseUntil)) return this.held(id, at);
    const existing = await this.records.find(id);
    if (!existing) return this.claim(id, requestHash);
    const forgottenBefore = new Date(at.getTime() - KEY_LIFETIME_MS);
    const free =
      existing.createdAt < forgottenBefore ||
      (existing.statusCode === null && existing.requestHash === requestHash && !holds(existing, at));
    if (free && (await this.records.takeOver(id, requestHash, at, leaseUntil, forgottenBefore))) {
      return this.held(id, at);
    }
    return free ? ((await this.records.find(id)) ?? this.claim(id, requestHash)) : existing;
  }

  private held(id: string, claimedAt: Date): HeldKey {
    return new HeldKey(this.records, { id, claimedAt }, this.config.idempotencyLeaseMs, this.logger);
  }
}

const holds = (record: IdempotencyRecord, at: Date) =>
  record.leaseExpiresAt !== null && record.leaseExpiresAt > at;

/** 409 for a repeat while the first request still holds its key, saying when its lease runs out. */
export function stillRunning(record: IdempotencyRecord, response: Response | undefined): ConflictException {
  const leftMs = (record.leaseExpiresAt?.getTime() ?? Date.now()) - Date.now();
  response?.setHeader('Retry-After', String(Math.max(1, Math.ceil(leftMs / 1000))));
  return new ConflictException('A request with this Idempotency-Key is still being processed');
}
