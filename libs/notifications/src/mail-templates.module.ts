import { Module } from '@nestjs/common';

import { MailTemplates } from './mail-templates';

/** The mail templates alone: what the API needs to preview them. */
@Module({ providers: [MailTemplates], exports: [MailTemplates] })
export class MailTemplatesModule {}
