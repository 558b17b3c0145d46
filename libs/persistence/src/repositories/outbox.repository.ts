import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { DataSource, In, IsNull, LessThan, Repository } from 'typeorm';

import type { JsonObject } from '../entities';
import { OutboxMessage } from '../entities';

export interface NewOutboxMessage {
  jobName: string;
  jobId: string;
  payload: JsonObject;
  runAt?: Date | null;
}

@Injectable()
export class OutboxRepository {
  private readonly messages: Repository<OutboxMessage>;

  public constructor(@InjectDataSource() dataSource: DataSource) {
    this.messages = dataSource.getRepository(OutboxMessage);
  }

  /** Adds messages inside the caller's transaction. */
  public async add(manager: EntityManager, messages: NewOutboxMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const rows = messages.map((message) => ({
      id: randomUUID(),
      jobName: message.jobName,
      jobId: message.jobId,
      payload: message.payload,
      runAt: message.runAt ?? null,
      createdAt: new Date(),
      dispatchedAt: null,
    }));
    // The JSON payload type is too deep for TypeORM's partial-entity typing; the rows are full messages.
    await manager
      .createQueryBuilder()
      .insert()
      .into(OutboxMessage)
      .values(rows as object[])
      .execute();
  }

  public pending(limit: number): Promise<OutboxMessage[]> {
    return this.messages.find({
      where: { dispatchedAt: IsNull() },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: limit,
    });
  }

  public async markDispatched(ids: string[], at: Date): Promise<void> {
    if (ids.length > 0) await this.messages.update({ id: In(ids) }, { dispatchedAt: at });
  }

  public countPending(): Promise<number> {
    return this.messages.countBy({ dispatchedAt: IsNull() });
  }

  /** When the oldest message still waiting for the relay was written; null when none waits. */
  public async oldestPendingAt(): Promise<Date | null> {
    const [oldest] = await this.messages.find({
      select: { id: true, createdAt: true },
      where: { dispatchedAt: IsNull() },
      order: { createdAt: 'ASC' },
      take: 1,
    });
    return oldest?.createdAt ?? null;
  }

  /** Dispatched messages are kept a while for tracing, then removed. */
  public async removeDispatchedBefore(cutoff: Date): Promise<void> {
    await this.messages.delete({ dispatchedAt: LessThan(cutoff) });
  }
}
