import { Module } from '@nestjs/common';

import { DocumentsModule } from '@onegate/documents';

import { MailSink } from './mail-sink';
import { MailTemplatesModule } from './mail-templates.module';
import { MailTransport } from './mail-transport';
import { NotificationComposer } from './notification-composer';
import { NotificationDelivery } from './notification-delivery';
import { TextMessageDelivery } from './text-messages/text-message-delivery';
import { TextMessageProviderModule } from './text-messages/text-message-provider.module';

/** Building, storing and e-mailing notifications: the worker's side (it owns the mail server connection). */
@Module({
  imports: [DocumentsModule, MailTemplatesModule, TextMessageProviderModule],
  providers: [MailSink, MailTransport, NotificationComposer, NotificationDelivery, TextMessageDelivery],
  exports: [NotificationDelivery, MailTemplatesModule],
})
export class NotificationsModule {}
