import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { Public } from '@onegate/access';

import { PageQuery } from './catalogue.dto';
import { CatalogueService } from './catalogue.service';

@ApiTags('catalogue')
@Controller('api/agencies')
@Public()
export class AgenciesController {
  public constructor(private readonly catalogue: CatalogueService) {}

  @Get()
  public list(@Query() query: PageQuery) {
    return this.catalogue.listAgencies(query);
  }
}
