export * from './all-exceptions.filter';
export * from './dependency-unavailable';
export * from './heap-growth';
export * from './operations.module';
export * from './readiness-check';
export * from './request-id';
export * from './run-process';
