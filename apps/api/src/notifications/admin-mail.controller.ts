import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Authenticated } from '@onegate/access';

import { PageQuery } from '../catalogue/catalogue.dto';
import { AdminMailService } from './admin-mail.service';
import { MailPreviewDto, OutboxPage, PreviewQuery } from './notification.dto';

@ApiTags('notifications')
@Controller('api/admin/mail')
@Authenticated({ roles: ['admin'] })
export class AdminMailController {
  public constructor(private readonly mail: AdminMailService) {}

  /** A mail template rendered with sample data, in Vietnamese or English. */
  @ApiOperation({ summary: 'Preview a mail template' })
  @ApiOkResponse({ type: MailPreviewDto })
  @Get('preview/:template')
  public preview(@Param('template') template: string, @Query() query: PreviewQuery): Promise<MailPreviewDto> {
    return this.mail.preview(template, query);
  }

  /** What the development mail sink received (empty when SMTP_URL points at a real server). */
  @ApiOperation({ summary: 'List the mails sent or waiting' })
  @ApiOkResponse({ type: OutboxPage })
  @Get('outbox')
  public outbox(@Query() query: PageQuery): Promise<OutboxPage> {
    return this.mail.messages({ page: query.page, pageSize: query.pageSize });
  }
}
