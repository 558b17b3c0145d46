import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';

import { Public } from '@onegate/access';

import { READINESS_CHECKS, ReadinessCheck } from './readiness-check';

@ApiTags('operations')
@Controller('health')
@Public()
export class HealthController {
  public constructor(
    private readonly health: HealthCheckService,
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[],
  ) {}

  /** The process is up and serving; says nothing of its dependencies. */
  @Get('live')
  @HealthCheck()
  public live() {
    return this.health.check([]);
  }

  /** The database and Redis answer; load balancers send traffic only when this is 200. */
  @Get('ready')
  @HealthCheck()
  public ready() {
    return this.health.check(this.checks.map((readiness) => () => readiness.check()));
  }
}
