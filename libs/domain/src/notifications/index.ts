export * from './deadline-alerts';
export * from './notification-kind';
export * from './weekly-period';
export * from './file-page';
