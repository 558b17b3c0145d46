export * from './mail-context';
export * from './mail-formatting';
export * from './mail-samples';
export * from './mail-templates';
export * from './mail-templates.module';
export * from './notification-delivery';
export * from './notifications.module';
