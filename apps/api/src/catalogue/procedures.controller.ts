import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Public } from '@onegate/access';

import { ProcedureDto, ProcedureQuery } from './catalogue.dto';
import { CatalogueService } from './catalogue.service';
import { ApiPageResponse } from '../openapi/api-responses.decorator';

@ApiTags('catalogue')
@Controller('api/procedures')
@Public()
export class ProceduresController {
  public constructor(private readonly catalogue: CatalogueService) {}

  @ApiOperation({ summary: 'Search the procedure catalogue' })
  @ApiPageResponse(ProcedureDto)
  @Get()
  public search(@Query() query: ProcedureQuery) {
    return this.catalogue.searchProcedures(query);
  }

  @ApiOperation({ summary: 'Read a procedure' })
  @ApiOkResponse({ type: ProcedureDto })
  @Get(':code')
  public get(@Param('code') code: string) {
    return this.catalogue.getProcedure(code);
  }
}
