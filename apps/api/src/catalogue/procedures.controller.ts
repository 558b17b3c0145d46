import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { Public } from '@onegate/access';

import { ProcedureQuery } from './catalogue.dto';
import { CatalogueService } from './catalogue.service';

@ApiTags('catalogue')
@Controller('api/procedures')
@Public()
export class ProceduresController {
  public constructor(private readonly catalogue: CatalogueService) {}

  @Get()
  public search(@Query() query: ProcedureQuery) {
    return this.catalogue.searchProcedures(query);
  }

  @Get(':code')
  public get(@Param('code') code: string) {
    return this.catalogue.getProcedure(code);
  }
}
