import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Registry } from 'prom-client';

import { Public } from '@onegate/access';

@ApiExcludeController()
@Controller('metrics')
@Public()
export class MetricsController {
  public constructor(private readonly registry: Registry) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  public scrape(): Promise<string> {
    return this.registry.metrics();
  }
}
