import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

import { Authenticated } from '@onegate/access';

import { AdminMailService } from '../../notifications/admin-mail.service';
import { PreviewQuery } from '../../notifications/notification.dto';
import { PageRenderer } from '../core/page-renderer';
import type { WebRequest } from '../core/web-request';
import { sendMailFrame } from './mail-frame';

/** A mail template rendered with sample data: subject, plain text and the HTML part in a sandboxed frame. */
@ApiExcludeController()
@Controller('admin/mail/preview')
@Authenticated({ roles: ['admin'] })
export class MailPreviewPageController {
  public constructor(
    private readonly mail: AdminMailService,
    private readonly pages: PageRenderer,
  ) {}

  @Get(':template')
  public async preview(
    @Param('template') template: string,
    @Query() query: PreviewQuery,
    @Req() request: WebRequest,
    @Res() response: Response,
  ) {
    const preview = await this.mail.preview(template, query);
    const choice = new URLSearchParams({ lang: preview.language });
    if (query.agency) choice.set('agency', query.agency);
    if (query.procedure) choice.set('procedure', query.procedure);
    const other = new URLSearchParams(choice);
    other.set('lang', preview.language === 'vi' ? 'en' : 'vi');
    await this.pages.render(request, response, 'admin/mail-preview', {
      titleText: preview.template,
      preview,
      frameHref: `/admin/mail/preview/${preview.template}/html?${choice}`,
      otherLanguage: { code: other.get('lang'), href: `/admin/mail/preview/${preview.template}?${other}` },
      breadcrumbs: [
        { key: 'nav.adminProcedures', href: '/admin/procedures' },
        { key: 'adminMail.previews' },
        { text: preview.template },
      ],
    });
  }

  @Get(':template/html')
  public async html(
    @Param('template') template: string,
    @Query() query: PreviewQuery,
    @Res() response: Response,
  ) {
    sendMailFrame(response, (await this.mail.preview(template, query)).html);
  }
}
