import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { PageQuery } from './catalogue.dto';
import { CatalogueService } from './catalogue.service';

@ApiTags('catalogue')
@Controller('api/agencies')
export class AgenciesController {
  public constructor(private readonly catalogue: CatalogueService) {}

  @Get()
  public list(@Query() query: PageQuery) {
    return this.catalogue.listAgencies(query);
  }
}
