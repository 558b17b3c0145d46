import { Module } from '@nestjs/common';

import { ApplicationsModule } from '@onegate/applications';
import { MailTemplatesModule } from '@onegate/notifications';

import { AdminMailController } from './admin-mail.controller';
import { AdminMailService } from './admin-mail.service';
import { OwnNotification } from './own-notification.check';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

@Module({
  imports: [ApplicationsModule, MailTemplatesModule],
  controllers: [NotificationsController, AdminMailController],
  providers: [NotificationsService, AdminMailService, OwnNotification],
  exports: [AdminMailService, NotificationsService],
})
export class NotificationsHttpModule {}
