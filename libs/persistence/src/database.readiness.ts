import { Injectable } from '@nestjs/common';
import { TypeOrmHealthIndicator } from '@nestjs/terminus';

import { ReadinessCheck } from '@onegate/observability';

@Injectable()
export class DatabaseReadiness implements ReadinessCheck {
  public constructor(private readonly typeorm: TypeOrmHealthIndicator) {}

  public check() {
    return this.typeorm.pingCheck('database', { timeout: 3_000 });
  }
}
