import { Injectable, NotFoundException } from '@nestjs/common';

import { AppConfig } from '@onegate/config';
import { isNotificationKind } from '@onegate/domain';
import { MailTemplates, sampleContext, UnknownTemplateError } from '@onegate/notifications';
import { MailSinkRepository } from '@onegate/persistence';
import type { PageRequest } from '@onegate/persistence';

import type { MailPreviewDto, OutboxPage, PreviewQuery } from './notification.dto';
import { OutboxMessageDto } from './notification.dto';

/** For administrators: every mail template rendered with made-up data, and what the development sink caught. */
@Injectable()
export class AdminMailService {
  public constructor(
    private readonly templates: MailTemplates,
    private readonly outbox: MailSinkRepository,
    private readonly config: AppConfig,
  ) {}

  public async preview(template: string, query: PreviewQuery): Promise<MailPreviewDto> {
    if (!isNotificationKind(template)) throw new NotFoundException(`No mail template ${template}`);
    try {
      const rendered = await this.templates.render(
        { name: template, language: query.lang, agencyCode: query.agency, procedureCode: query.procedure },
        sampleContext(template, query.lang, this.config.publicUrl),
      );
      return { template, language: query.lang, ...rendered };
    } catch (error) {
      if (error instanceof UnknownTemplateError) throw new NotFoundException(error.message);
      throw error;
    }
  }

  public async messages(request: PageRequest): Promise<OutboxPage> {
    const page = await this.outbox.list(request);
    return { ...page, items: page.items.map((message) => OutboxMessageDto.from(message)) };
  }
}
