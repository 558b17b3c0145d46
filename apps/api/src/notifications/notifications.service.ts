import { Injectable, NotFoundException } from '@nestjs/common';

import type { AuthenticatedUser } from '@onegate/access';
import { NotificationRepository } from '@onegate/persistence';
import { Clock } from '@onegate/platform';

import type { InboxQuery, NotificationPage } from './notification.dto';
import { NotificationDto } from './notification.dto';

/** A signed-in user's own notifications; anyone else's do not exist for them. */
@Injectable()
export class NotificationsService {
  public constructor(
    private readonly notifications: NotificationRepository,
    private readonly clock: Clock,
  ) {}

  public async inbox(user: AuthenticatedUser, query: InboxQuery): Promise<NotificationPage> {
    const [page, unread] = await Promise.all([
      this.notifications.inboxOf(user.id, {
        page: query.page,
        pageSize: query.pageSize,
        unreadOnly: query.unread === true,
      }),
      this.notifications.countUnread(user.id),
    ]);
    return { ...page, items: page.items.map((item) => NotificationDto.from(item)), unread };
  }

  public async markRead(user: AuthenticatedUser, id: string): Promise<NotificationDto> {
    const notification = await this.notifications.findOwn(user.id, id);
    if (!notification) throw new NotFoundException('No such notification');
    await this.notifications.markRead(notification.id, this.clock.now());
    return NotificationDto.from((await this.notifications.findOwn(user.id, id))!);
  }

  /** Marks all the caller's notifications read; answers how many are unread now (none). */
  public async markAllRead(user: AuthenticatedUser): Promise<{ unread: number }> {
    await this.notifications.markAllRead(user.id, this.clock.now());
    return { unread: await this.notifications.countUnread(user.id) };
  }
}
