import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
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
  @ApiOperation({ summary: 'Is the process up?' })
  @Get('live')
  @HealthCheck()
  public live() {
    return this.health.check([]);
  }

  /** The database and Redis answer; load balancers send traffic only when this is 200. */
  @ApiOperation({ summary: 'Do the database and Redis answer?' })
  @Get('ready')
  @HealthCheck()
  public ready() {
    return this.health.check(this.checks.map((readiness) => () => readiness.check()));
  }
}
