export { AllExceptionsFilter } from './all-exceptions.filter';
export { unavailableAsHttp } from './dependency-unavailable';
export { limitHeapGrowth } from './heap-growth';
export { OperationsModule } from './operations.module';
export type { ReadinessCheck } from './readiness-check';
export { runProcess } from './run-process';
