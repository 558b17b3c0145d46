import type { NotificationPage } from '../../notifications/notification.dto';
import { paginationOf } from '../core/pagination';

/** The inbox page: newest first, each with its own link (which marks it read) and, while unread, a button. */
export function notificationsView(inbox: NotificationPage, page: number) {
  return {
    titleKey: 'notifications.title',
    notifications: inbox.items.map((item) => ({
      id: item.id,
      subject: item.subject,
      createdAt: item.createdAt,
      unread: item.readAt === null,
      href: `/my/notifications/${item.id}`,
    })),
    unread: inbox.unread,
    pagination: paginationOf('/my/notifications', page, inbox.total, inbox.pageSize),
  };
}
