import { randomUUID } from 'node:crypto';

import { Injectable, Logger } from '@nestjs/common';

import { AppConfig } from '@onegate/config';
import type { Language } from '@onegate/domain';

import type { AccountMailKind } from './mail-templates';
import { MailTemplates } from './mail-templates';
import { MailTransport } from './mail-transport';

export interface AccountMail {
  kind: AccountMailKind;
  to: string;
  recipientName: string;
  language: Language;
  /** The portal page the link opens, e.g. `/verify-email`; its token goes in the query. */
  path: string;
  token: string;
  /** Template values beside the link (how long it is valid). */
  values: Record<string, number>;
}

/**
 * Mail about the account (a verification or password-reset link), sent by the API itself: it is
 * answered at once and in the background, so a request takes as long whether or not mail goes out.
 * A failed send is logged (without the address or the link) and the person can ask again.
 */
@Injectable()
export class AccountMailer {
  private readonly logger = new Logger(AccountMailer.name);

  public constructor(
    private readonly config: AppConfig,
    private readonly templates: MailTemplates,
    private readonly transport: MailTransport,
  ) {}

  /** Whether mail can go out at all: without a mail server there is nothing to verify with. */
  public isEnabled(): Promise<boolean> {
    return this.transport.isEnabled();
  }

  public sendInBackground(mail: AccountMail): void {
    this.send(mail).catch((error: unknown) =>
      this.logger.error({ err: error, kind: mail.kind }, 'account mail could not be sent'),
    );
  }

  private async send(mail: AccountMail): Promise<void> {
    const link = `${this.config.publicUrl}${mail.path}?token=${encodeURIComponent(mail.token)}`;
    const rendered = await this.templates.render(
      { name: mail.kind, language: mail.language },
      { recipientName: mail.recipientName, language: mail.language, link, ...mail.values },
    );
    await this.transport.send({
      messageId: `<${randomUUID()}@onegate>`,
      to: mail.to,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      language: mail.language,
      attachments: [],
    });
  }
}
