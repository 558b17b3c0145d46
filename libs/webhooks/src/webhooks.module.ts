import { Module } from '@nestjs/common';

import { WebhookDeliveries } from './webhook-delivery';
import { WebhookSubscriptions } from './webhook-subscriptions';

/** The worker's side of webhooks: fanning events out to subscriptions and delivering them (docs/webhooks.md). */
@Module({ providers: [WebhookDeliveries] })
export class WebhooksModule {}

/** The API's side: administrators' subscriptions, history, redelivery and ping. */
@Module({ providers: [WebhookSubscriptions], exports: [WebhookSubscriptions] })
export class WebhookAdminModule {}
