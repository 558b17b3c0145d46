import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';

import { AuditEvent, AuditEventType } from '../entities';
import type { JsonObject } from '../entities';
import { Page, pageOffset, PageRequest } from '../page';

export interface NewAuditEvent {
  type: AuditEventType;
  actorId?: string | null;
  subjectId?: string | null;
  ip?: string | null;
  details?: JsonObject;
}

export interface AuditSearch extends PageRequest {
  type?: AuditEventType;
  userId?: string;
  from?: Date;
  to?: Date;
}

/** Appends to the audit log and reads it; there is deliberately no update or delete here. */
@Injectable()
export class AuditEventRepository {
  private readonly events: Repository<AuditEvent>;

  public constructor(@InjectDataSource() dataSource: DataSource) {
    this.events = dataSource.getRepository(AuditEvent);
  }

  public async append(event: NewAuditEvent): Promise<void> {
    const row = {
      id: randomUUID(),
      at: new Date(),
      type: event.type,
      actorId: event.actorId ?? null,
      subjectId: event.subjectId ?? null,
      ip: event.ip ?? null,
      details: event.details ?? {},
    };
    // The JSON details type is too deep for TypeORM's partial-entity typing; the row is a full AuditEvent.
    await this.events
      .createQueryBuilder()
      .insert()
      .values(row as object)
      .execute();
  }

  public async search(search: AuditSearch): Promise<Page<AuditEvent>> {
    const query = this.events
      .createQueryBuilder('event')
      .orderBy('event.at', 'DESC')
      .addOrderBy('event.id', 'ASC')
      .skip(pageOffset(search))
      .take(search.pageSize);
    if (search.type) query.andWhere('event.type = :type', { type: search.type });
    if (search.userId) {
      query.andWhere('(event.actor_id = :userId OR event.subject_id = :userId)', { userId: search.userId });
    }
    if (search.from) query.andWhere('event.at >= :from', { from: search.from.getTime() });
    if (search.to) query.andWhere('event.at <= :to', { to: search.to.getTime() });
    const [items, total] = await query.getManyAndCount();
    return { items, total, page: search.page, pageSize: search.pageSize };
  }
}
