import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThan, Repository } from 'typeorm';

import type { StoredAnswerBody } from '../entities';
import { IdempotencyRecord } from '../entities';
import { isUniqueViolation } from '../unique-violation';

/**
 * Which claim of a key a write is about: its id and the instant it was claimed. A process whose claim
 * was taken over (it stalled past its lease) can no longer renew, answer or free the key.
 */
export interface KeyClaim {
  readonly id: string;
  readonly claimedAt: Date;
}

@Injectable()
export class IdempotencyRepository {
  private readonly records: Repository<IdempotencyRecord>;

  public constructor(@InjectDataSource() dataSource: DataSource) {
    this.records = dataSource.getRepository(IdempotencyRecord);
  }

  /** Claims a key for a first request, until `leaseUntil`; false when the key was already claimed. */
  public async claim(id: string, requestHash: string, at: Date, leaseUntil: Date): Promise<boolean> {
    try {
      await this.records.insert({
        id,
        requestHash,
        statusCode: null,
        responseBody: null,
        createdAt: at,
        leaseExpiresAt: leaseUntil,
      });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  /**
   * Claims a key again when its record is older than `forgottenBefore`, or when it holds no answer and
   * its lease ran out by `at` (the process answering it died). One statement decides, so of several
   * retries only one takes the key over. True when this one did.
   */
  public async takeOver(
    id: string,
    requestHash: string,
    at: Date,
    leaseUntil: Date,
    forgottenBefore: Date,
  ): Promise<boolean> {
    const result = await this.records
      .createQueryBuilder()
      .update()
      .set({ requestHash, statusCode: null, responseBody: null, createdAt: at, leaseExpiresAt: leaseUntil })
      .where('id = :id', { id })
      .andWhere(
        '((status_code IS NULL AND (lease_expires_at IS NULL OR lease_expires_at <= :at)) OR created_at < :forgottenBefore)',
        { at: at.getTime(), forgottenBefore: forgottenBefore.getTime() },
      )
      .execute();
    return result.affected === 1;
  }

  /** Moves a claim's lease on while its request still runs. */
  public async renew(claim: KeyClaim, leaseUntil: Date): Promise<void> {
    await this.ofClaim(claim).set({ leaseExpiresAt: leaseUntil }).andWhere('status_code IS NULL').execute();
  }

  public find(id: string): Promise<IdempotencyRecord | null> {
    return this.records.findOneBy({ id });
  }

  /** Keeps the answer; a streamed request's hash is only known now, once its body has been read. */
  public async complete(
    claim: KeyClaim,
    statusCode: number,
    responseBody: StoredAnswerBody,
    requestHash?: string,
  ): Promise<void> {
    await this.ofClaim(claim)
      .set({ statusCode, responseBody, leaseExpiresAt: null, ...(requestHash ? { requestHash } : {}) })
      .execute();
  }

  /** A first request that failed leaves nothing behind, so the caller may try again with the same key. */
  public async release(claim: KeyClaim): Promise<void> {
    await this.records
      .createQueryBuilder()
      .delete()
      .where('id = :id AND created_at = :claimedAt', { id: claim.id, claimedAt: claim.claimedAt.getTime() })
      .execute();
  }

  public async removeOlderThan(cutoff: Date): Promise<number> {
    return (await this.records.delete({ createdAt: LessThan(cutoff) })).affected ?? 0;
  }

  private ofClaim(claim: KeyClaim) {
    return this.records
      .createQueryBuilder()
      .update()
      .where('id = :id AND created_at = :claimedAt', { id: claim.id, claimedAt: claim.claimedAt.getTime() });
  }
}
