import { Module } from '@nestjs/common';

import { AppConfig } from '@onegate/config';

import { HttpTextMessageProvider, TEXT_MESSAGE_PROVIDER } from './text-message-provider';
import { TextTemplates } from './text-templates';

/** The SMS and Zalo (ZNS) provider and the text templates, for the worker and the API (docs/text-messages.md). */
@Module({
  providers: [
    TextTemplates,
    {
      provide: TEXT_MESSAGE_PROVIDER,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new HttpTextMessageProvider(config.textMessages),
    },
  ],
  exports: [TextTemplates, TEXT_MESSAGE_PROVIDER],
})
export class TextMessageProviderModule {}
