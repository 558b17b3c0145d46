import type { HealthIndicatorResult } from '@nestjs/terminus';

/** Something /health/ready must find up: the database, Redis. */
export interface ReadinessCheck {
  check(): PromiseLike<HealthIndicatorResult>;
}

export const READINESS_CHECKS = Symbol('onegate:readiness-checks');
