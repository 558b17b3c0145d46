import { Module } from '@nestjs/common';

import { AccountMailer } from './account-mailer';
import { MailSink } from './mail-sink';
import { MailTemplatesModule } from './mail-templates.module';
import { MailTransport } from './mail-transport';

/** The API's own mail: account verification and password-reset links (docs/identity.md). */
@Module({
  imports: [MailTemplatesModule],
  providers: [MailSink, MailTransport, AccountMailer],
  exports: [AccountMailer],
})
export class AccountMailModule {}
