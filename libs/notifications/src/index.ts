export { sampleContext } from './mail-samples';
export { MailTemplates, UnknownTemplateError } from './mail-templates';
export { MailTemplatesModule } from './mail-templates.module';
export { SEND_LEASE_MS } from './notification-delivery';
export { NotificationsModule } from './notifications.module';
export { AccountMailModule } from './account-mail.module';
export { AccountMailer } from './account-mailer';
