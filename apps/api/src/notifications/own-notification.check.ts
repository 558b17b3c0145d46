import { Injectable, NotFoundException } from '@nestjs/common';

import type { AuthenticatedUser, ResourceCheck } from '@onegate/access';
import { NotificationRepository } from '@onegate/persistence';

/** The notification in `:id` is the caller's own (`@BodyAfter`). */
@Injectable()
export class OwnNotification implements ResourceCheck {
  public constructor(private readonly notifications: NotificationRepository) {}

  public async assertMayActOn(
    user: AuthenticatedUser,
    params: Readonly<Record<string, string>>,
  ): Promise<void> {
    if (!(await this.notifications.findOwn(user.id, params.id))) {
      throw new NotFoundException('No such notification');
    }
  }
}
