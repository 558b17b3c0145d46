import { Module } from '@nestjs/common';

import { ApplicationsModule } from '@onegate/applications';
import { AuthModule } from '@onegate/auth';

import { ApplicationsController } from './applications.controller';
import { AttachmentsController } from './attachments.controller';
import { DocumentStoreController } from './document-store.controller';
import { MessagesController } from './messages.controller';
import { TrackingController } from './tracking.controller';

@Module({
  imports: [ApplicationsModule, AuthModule],
  controllers: [
    ApplicationsController,
    AttachmentsController,
    DocumentStoreController,
    MessagesController,
    TrackingController,
  ],
})
export class ApplicationsHttpModule {}
