export { WebhookAdminModule, WebhooksModule } from './webhooks.module';
export { WebhookDeliveries } from './webhook-delivery';
export { WebhookSubscriptions, WebhookDeliveryPage, WebhookSubscriptionDto } from './webhook-subscriptions';
export { CreateWebhookRequest, UpdateWebhookRequest } from './webhook.requests';
export { WEBHOOK_EVENT_TYPES } from './webhook-events';
