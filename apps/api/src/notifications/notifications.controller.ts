import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Authenticated, BodyAfter, CurrentUser, ROLE_IS_ENOUGH } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';

import { OwnNotification } from './own-notification.check';
import { InboxQuery, NotificationDto, NotificationPage } from './notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller('api/notifications')
@Authenticated()
export class NotificationsController {
  public constructor(private readonly notifications: NotificationsService) {}

  /** The caller's own notifications, newest first. */
  @ApiOperation({ summary: 'List my notifications' })
  @ApiOkResponse({ type: NotificationPage })
  @Get()
  public inbox(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: InboxQuery,
  ): Promise<NotificationPage> {
    return this.notifications.inbox(user, query);
  }

  @ApiOperation({ summary: 'Mark all my notifications read' })
  @ApiOkResponse({
    schema: { type: 'object', required: ['unread'], properties: { unread: { type: 'integer', example: 0 } } },
  })
  @Post('read')
  @BodyAfter(ROLE_IS_ENOUGH)
  @HttpCode(HttpStatus.OK)
  public readAll(@CurrentUser() user: AuthenticatedUser): Promise<{ unread: number }> {
    return this.notifications.markAllRead(user);
  }

  @ApiOperation({ summary: 'Mark one notification read' })
  @ApiOkResponse({ type: NotificationDto })
  @Post(':id/read')
  @BodyAfter(OwnNotification)
  @HttpCode(HttpStatus.OK)
  public read(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<NotificationDto> {
    return this.notifications.markRead(user, id);
  }
}
