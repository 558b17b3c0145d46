import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThan, Repository } from 'typeorm';

import { IdempotencyRecord } from '../entities';
import { isUniqueViolation } from '../unique-violation';

@Injectable()
export class IdempotencyRepository {
  private readonly records: Repository<IdempotencyRecord>;

  public constructor(@InjectDataSource() dataSource: DataSource) {
    this.records = dataSource.getRepository(IdempotencyRecord);
  }

  /** Claims a key for a first request; false when the key was already claimed. */
  public async claim(id: string, requestHash: string, at: Date): Promise<boolean> {
    try {
      await this.records.insert({ id, requestHash, statusCode: null, responseBody: null, createdAt: at });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  public find(id: string): Promise<IdempotencyRecord | null> {
    return this.records.findOneBy({ id });
  }

  /** Keeps the answer; a streamed request's hash is only known now, once its body has been read. */
  public async complete(
    id: string,
    statusCode: number,
    responseBody: string,
    requestHash?: string,
  ): Promise<void> {
    await this.records.update({ id }, { statusCode, responseBody, ...(requestHash ? { requestHash } : {}) });
  }

  /** A first request that failed leaves nothing behind, so the caller may try again with the same key. */
  public async release(id: string): Promise<void> {
    await this.records.delete({ id });
  }

  public async removeOlderThan(cutoff: Date): Promise<number> {
    return (await this.records.delete({ createdAt: LessThan(cutoff) })).affected ?? 0;
  }
}
