import {
  Controller,
  Get,
  HttpStatus,
  NotFoundException,
  Param,
  ParseIntPipe,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

import { Authenticated } from '@onegate/access';
import type { MailSinkMessage } from '@onegate/persistence';

import { AdminMailService } from '../../notifications/admin-mail.service';
import { PageRenderer } from '../core/page-renderer';
import type { WebRequest } from '../core/web-request';
import { PAGE_NUMBER } from '../core/web-request';
import { sendMailFrame } from './mail-frame';
import { IdParam } from '../../id-param';

const index = new ParseIntPipe({ errorHttpStatusCode: HttpStatus.NOT_FOUND });
const PAGE_SIZE = 50;

/** What the development mail sink caught: the list, one message, its HTML part and its attachments. */
@ApiExcludeController()
@Controller('admin/mail')
@Authenticated({ roles: ['admin'] })
export class MailPageController {
  public constructor(
    private readonly mail: AdminMailService,
    private readonly pages: PageRenderer,
  ) {}

  @Get()
  public async list(
    @Query('page', PAGE_NUMBER) requested: number | undefined,
    @Req() request: WebRequest,
    @Res() response: Response,
  ) {
    const page = requested ?? 1;
    const result = await this.mail.messages({ page, pageSize: PAGE_SIZE });
    const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
    await this.pages.render(request, response, 'admin/mail', {
      titleKey: 'adminMail.title',
      sinkRunning: this.mail.sinkRunning,
      total: result.total,
      messages: result.items.map((message) => ({
        id: message.id,
        receivedAt: message.receivedAt,
        to: message.to.join(', '),
        subject: message.subject,
        attachments: message.attachments.length,
      })),
      pagination: {
        page,
        pages,
        previous: page > 1 ? `/admin/mail?page=${page - 1}` : null,
        next: page < pages ? `/admin/mail?page=${page + 1}` : null,
      },
    });
  }

  @Get(':id')
  public async message(@IdParam() id: string, @Req() request: WebRequest, @Res() response: Response) {
    const message = await this.mail.message(id);
    await this.pages.render(request, response, 'admin/mail-message', {
      titleText: message.subject || id,
      message: viewOf(message),
      breadcrumbs: [{ key: 'nav.adminMail', href: '/admin/mail' }, { text: message.subject || id }],
    });
  }

  @Get(':id/html')
  public async html(@IdParam() id: string, @Res() response: Response) {
    const message = await this.mail.message(id);
    if (message.htmlBody === null) throw new NotFoundException('This message has no HTML part');
    sendMailFrame(response, message.htmlBody);
  }

  @Get(':id/attachments/:index')
  public attachment(@IdParam() id: string, @Param('index', index) position: number): Promise<StreamableFile> {
    return this.mail.attachment(id, position);
  }
}

function viewOf(message: MailSinkMessage) {
  return {
    id: message.id,
    receivedAt: message.receivedAt.toISOString(),
    from: message.mailFrom,
    to: message.recipients.join(', '),
    subject: message.subject,
    text: message.textBody,
    hasHtml: message.htmlBody !== null,
    attachments: (message.attachments ?? []).map((file, position) => ({
      name: file.fileName,
      mediaType: file.mediaType,
      sizeBytes: file.sizeBytes,
      href: `/admin/mail/${message.id}/attachments/${position}`,
    })),
  };
}
