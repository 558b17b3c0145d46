export * from './calendar';
export * from './roles';
export * from './identity';
export * from './applications';
export * from './forms';
export * from './notifications';
