import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { Authenticated, CurrentUser } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';

import { InboxQuery, NotificationDto, NotificationPage } from './notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller('api/notifications')
@Authenticated()
export class NotificationsController {
  public constructor(private readonly notifications: NotificationsService) {}

  /** The caller's own notifications, newest first. */
  @Get()
  public inbox(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: InboxQuery,
  ): Promise<NotificationPage> {
    return this.notifications.inbox(user, query);
  }

  @Post(':id/read')
  @HttpCode(HttpStatus.OK)
  public read(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<NotificationDto> {
    return this.notifications.markRead(user, id);
  }
}
