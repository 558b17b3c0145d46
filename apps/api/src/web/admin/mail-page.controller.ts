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

import { AdminMailService } from '../../notifications/admin-mail.service';
import { PageRenderer } from '../core/page-renderer';
import type { WebRequest } from '../core/web-request';
import { PAGE_NUMBER } from '../core/web-request';
import { sendMailFrame } from './mail-frame';
import { mailListView, mailMessageView } from './mail-page.view';
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
    const view = mailListView(result, page, PAGE_SIZE, this.mail.sinkRunning);
    await this.pages.render(request, response, 'admin/mail', view);
  }

  @Get(':id')
  public async message(@IdParam() id: string, @Req() request: WebRequest, @Res() response: Response) {
    const message = await this.mail.message(id);
    await this.pages.render(request, response, 'admin/mail-message', mailMessageView(message));
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
