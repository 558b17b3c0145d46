export * from './access-rule';
export * from './authenticated-user';
export * from './route-catalogue';
export * from './request-body';
export * from './body-after';
