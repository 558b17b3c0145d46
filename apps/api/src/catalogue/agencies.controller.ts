import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import { Public } from '@onegate/access';

import { AgencyDto, PageQuery } from './catalogue.dto';
import { CatalogueService } from './catalogue.service';
import { ApiPageResponse } from '../openapi/api-responses.decorator';

@ApiTags('catalogue')
@Controller('api/agencies')
@Public()
export class AgenciesController {
  public constructor(private readonly catalogue: CatalogueService) {}

  @ApiOperation({ summary: 'List agencies' })
  @ApiPageResponse(AgencyDto)
  @Get()
  public list(@Query() query: PageQuery) {
    return this.catalogue.listAgencies(query);
  }
}
