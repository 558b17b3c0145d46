import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { DataSource, In, IsNull, Repository } from 'typeorm';

import type { JsonObject } from '../entities';
import { OutboxMessage } from '../entities';
import { EntityRows } from '../entity-rows';

/** Where the previous page of relayed, unfinished messages ended: its last message's time and id. */
export interface UnfinishedCursor {
  at: Date;
  id: string;
}

/** Immediate messages are read by when they were relayed, delayed ones by when they fell due. */
export type UnfinishedKind = 'immediate' | 'delayed';

export interface NewOutboxMessage {
  jobName: string;
  jobId: string;
  payload: JsonObject;
  runAt?: Date | null;
}

@Injectable()
export class OutboxRepository {
  private readonly messages: Repository<OutboxMessage>;
  private readonly rows: EntityRows<OutboxMessage>;

  public constructor(@InjectDataSource() dataSource: DataSource) {
    this.messages = dataSource.getRepository(OutboxMessage);
    this.rows = new EntityRows(dataSource, OutboxMessage);
  }

  /** Adds messages inside the caller's transaction. */
  public async add(manager: EntityManager, messages: NewOutboxMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const rows = messages.map((message): OutboxMessage => ({
      id: randomUUID(),
      jobName: message.jobName,
      jobId: message.jobId,
      payload: message.payload,
      runAt: message.runAt ?? null,
      createdAt: new Date(),
      dispatchedAt: null,
      completedAt: null,
    }));
    await this.rows.insert(manager, rows);
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

  /** Records that a message's job finished; one indexed UPDATE, and nothing when it was recorded already. */
  public async markCompleted(jobName: string, jobId: string, at: Date): Promise<void> {
    await this.messages.update({ jobId, jobName, completedAt: IsNull() }, { completedAt: at });
  }

  public async markCompletedByIds(ids: string[], at: Date): Promise<void> {
    if (ids.length > 0)
      await this.messages.update({ id: In(ids), completedAt: IsNull() }, { completedAt: at });
  }

  /**
   * Relayed messages whose job has not finished, relayed before `before` and (delayed ones) due before it,
   * oldest first after the cursor. Each kind is read from its own partial index.
   */
  public unfinished(
    kind: UnfinishedKind,
    before: Date,
    after: UnfinishedCursor | null,
    limit: number,
  ): Promise<OutboxMessage[]> {
    const order = kind === 'immediate' ? 'message.dispatchedAt' : 'message.runAt';
    const query = this.messages
      .createQueryBuilder('message')
      .where('message.completedAt IS NULL')
      .andWhere('message.dispatchedAt IS NOT NULL')
      .andWhere(kind === 'immediate' ? 'message.runAt IS NULL' : 'message.runAt IS NOT NULL')
      .andWhere(`${order} < :before`, { before: before.getTime() })
      .andWhere('message.dispatchedAt < :before');
    if (after) {
      query.andWhere(`(${order} > :afterAt OR (${order} = :afterAt AND message.id > :afterId))`, {
        afterAt: after.at.getTime(),
        afterId: after.id,
      });
    }
    return query.orderBy(order, 'ASC').addOrderBy('message.id', 'ASC').limit(limit).getMany();
  }

  /**
   * Completed messages are kept a while for tracing, then removed. An unfinished one is removed only
   * once long past due: by then its job failed for good and the failed entry, kept as long in Redis,
   * is what operators look at.
   */
  public async removeFinished(completedBefore: Date, abandonedBefore: Date): Promise<void> {
    await this.messages
      .createQueryBuilder()
      .delete()
      .where('dispatched_at < :completedBefore', { completedBefore: completedBefore.getTime() })
      .andWhere('completed_at IS NOT NULL')
      .andWhere('completed_at < :completedBefore')
      .execute();
    await this.messages
      .createQueryBuilder()
      .delete()
      .where('completed_at IS NULL')
      .andWhere('dispatched_at IS NOT NULL')
      .andWhere('dispatched_at < :abandonedBefore', { abandonedBefore: abandonedBefore.getTime() })
      .andWhere('(run_at IS NULL OR run_at < :abandonedBefore)')
      .execute();
  }
}
