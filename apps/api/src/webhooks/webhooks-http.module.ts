import { Module } from '@nestjs/common';

import { WebhookAdminModule } from '@onegate/webhooks';

import { AdminWebhooksController } from './admin-webhooks.controller';

@Module({ imports: [WebhookAdminModule], controllers: [AdminWebhooksController] })
export class WebhooksHttpModule {}
