import { Injectable, NotFoundException, StreamableFile } from '@nestjs/common';

import { AppConfig } from '@onegate/config';
import { isNotificationKind } from '@onegate/domain';
import { MailTemplates, sampleContext, UnknownTemplateError } from '@onegate/notifications';
import { MailSinkRepository } from '@onegate/persistence';
import type { MailSinkMessage, PageRequest } from '@onegate/persistence';
import { contentDisposition, FileStore } from '@onegate/platform';

import type { MailPreviewDto, OutboxPage, PreviewQuery } from './notification.dto';
import { OutboxMessageDto } from './notification.dto';

const DOWNLOADABLE_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg', 'text/plain']);

/** For administrators: every mail template rendered with made-up data, and what the development sink caught. */
@Injectable()
export class AdminMailService {
  public constructor(
    private readonly templates: MailTemplates,
    private readonly outbox: MailSinkRepository,
    private readonly config: AppConfig,
    private readonly files: FileStore,
  ) {}

  /** Whether the worker sends to the development sink: no SMTP_URL, outside production. */
  public get sinkRunning(): boolean {
    return !this.config.smtpUrl && !this.config.isProduction;
  }

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

  public async message(id: string): Promise<MailSinkMessage> {
    const message = await this.outbox.findById(id);
    if (!message) throw new NotFoundException('No such message');
    return message;
  }

  /** A file a caught message carried, always as a download: its content and type are the sender's. */
  public async attachment(id: string, index: number): Promise<StreamableFile> {
    const file = (await this.message(id)).attachments?.[index];
    if (!file) throw new NotFoundException('No such attachment');
    return new StreamableFile(this.files.open(file.storageKey), {
      type: DOWNLOADABLE_TYPES.has(file.mediaType) ? file.mediaType : 'application/octet-stream',
      length: file.sizeBytes,
      disposition: contentDisposition(file.fileName),
    });
  }
}
