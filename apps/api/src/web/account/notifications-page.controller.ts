import { Controller, Get, HttpStatus, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

import { Authenticated, BodyAfter, CurrentUser, ROLE_IS_ENOUGH } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import { noticePagePath } from '@onegate/domain';
import { NotificationRepository } from '@onegate/persistence';

import { OwnNotification } from '../../notifications/own-notification.check';
import { NotificationsService } from '../../notifications/notifications.service';
import { IdParam } from '../../id-param';
import { PageRenderer } from '../core/page-renderer';
import type { WebRequest } from '../core/web-request';
import { PAGE_NUMBER } from '../core/web-request';
import { notificationsView } from './notifications-page.view';

const PAGE_SIZE = 20;
const INBOX = '/my/notifications';

/** Everyone's own notifications on the portal: the inbox, opening one, marking them read (docs/portal.md). */
@ApiExcludeController()
@Controller('my/notifications')
@Authenticated()
export class NotificationsPageController {
  public constructor(
    private readonly notifications: NotificationsService,
    private readonly stored: NotificationRepository,
    private readonly pages: PageRenderer,
  ) {}

  @Get()
  public async inbox(
    @CurrentUser() user: AuthenticatedUser,
    @Query('page', PAGE_NUMBER) requested: number | undefined,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    const page = requested ?? 1;
    const inbox = await this.notifications.inbox(user, { page, pageSize: PAGE_SIZE });
    await this.pages.render(request, response, 'account/notifications', notificationsView(inbox, page));
  }

  /**
   * The inbox's link to a notification: reading it is opening it, so it is marked read on the way to
   * its file, or to its feedback's page for a feedback notice.
   */
  @Get(':id')
  public async open(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Res() response: Response,
  ): Promise<void> {
    await this.notifications.markRead(user, id);
    const notification = (await this.stored.findOwn(user.id, id))!;
    response.redirect(HttpStatus.SEE_OTHER, noticePagePath(user.role, notification));
  }

  @Post('read')
  @BodyAfter(ROLE_IS_ENOUGH)
  public async readAll(@CurrentUser() user: AuthenticatedUser, @Res() response: Response): Promise<void> {
    await this.notifications.markAllRead(user);
    response.redirect(HttpStatus.SEE_OTHER, `${INBOX}?notice=notificationsRead`);
  }

  @Post(':id/read')
  @BodyAfter(OwnNotification)
  public async readOne(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Res() response: Response,
  ): Promise<void> {
    await this.notifications.markRead(user, id);
    response.redirect(HttpStatus.SEE_OTHER, `${INBOX}?notice=notificationRead`);
  }
}
