import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, In, IsNull, Repository } from 'typeorm';

import { Notification } from '../entities';
import type { EmailStatus } from '../entities';
import { Page, pageOffset, PageRequest } from '../page';

export interface InboxQuery extends PageRequest {
  unreadOnly: boolean;
}

@Injectable()
export class NotificationRepository {
  private readonly notifications: Repository<Notification>;

  public constructor(@InjectDataSource() dataSource: DataSource) {
    this.notifications = dataSource.getRepository(Notification);
  }

  /** Stores a notification unless one with its key exists (a job delivered twice stores nothing new). */
  public async insertOnce(notification: Notification): Promise<void> {
    await this.notifications.createQueryBuilder().insert().values(notification).orIgnore().execute();
  }

  public findByKey(notificationKey: string): Promise<Notification | null> {
    return this.notifications.findOneBy({ notificationKey });
  }

  public async existingKeys(keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await this.notifications.find({
      select: { notificationKey: true },
      where: { notificationKey: In(keys) },
    });
    return new Set(rows.map((row) => row.notificationKey));
  }

  /** A user's own notifications, newest first. */
  public async inboxOf(userId: string, query: InboxQuery): Promise<Page<Notification>> {
    const [items, total] = await this.notifications.findAndCount({
      where: { recipientUserId: userId, ...(query.unreadOnly ? { readAt: IsNull() } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: pageOffset(query),
      take: query.pageSize,
    });
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  public countUnread(userId: string): Promise<number> {
    return this.notifications.countBy({ recipientUserId: userId, readAt: IsNull() });
  }

  public findOwn(userId: string, id: string): Promise<Notification | null> {
    return this.notifications.findOneBy({ id, recipientUserId: userId });
  }

  /** Marks it read once; reading it again keeps the first time. */
  public async markRead(id: string, at: Date): Promise<void> {
    await this.notifications.update({ id, readAt: IsNull() }, { readAt: at });
  }

  /** Marks every unread notification of the user read; those read before keep their time. */
  public async markAllRead(userId: string, at: Date): Promise<void> {
    await this.notifications.update({ recipientUserId: userId, readAt: IsNull() }, { readAt: at });
  }

  /**
   * Takes the e-mail for sending: exactly one caller sees `true`, because the row moves from `pending`
   * to `sending` in the same statement that checks it is still pending.
   */
  /**
   * Takes a pending e-mail for sending, or one whose sender stopped before finishing (claimed before
   * `abandonedBefore`): exactly one caller gets it.
   */
  public async claimEmail(id: string, at: Date, abandonedBefore: Date): Promise<boolean> {
    const result = await this.notifications
      .createQueryBuilder()
      .update()
      .set({ emailStatus: 'sending', emailSentAt: at })
      .where('id = :id', { id })
      .andWhere(
        new Brackets((claimable) =>
          claimable
            .where("email_status = 'pending'")
            .orWhere("(email_status = 'sending' AND email_sent_at < :abandoned)", {
              abandoned: abandonedBefore.getTime(),
            }),
        ),
      )
      .execute();
    return (result.affected ?? 0) === 1;
  }

  public async recordEmail(
    id: string,
    status: Extract<EmailStatus, 'pending' | 'sent' | 'failed'>,
    at: Date | null,
    error: string | null = null,
  ): Promise<void> {
    await this.notifications.update(
      { id, emailStatus: 'sending' },
      { emailStatus: status, emailSentAt: at, emailError: error?.slice(0, 500) ?? null },
    );
  }
}
