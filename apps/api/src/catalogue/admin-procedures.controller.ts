import { Body, Controller, HttpCode, HttpStatus, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Authenticated, BodyAfter, ROLE_IS_ENOUGH } from '@onegate/access';

import { CreateProcedureRequest, UpdateProcedureRequest } from './admin-procedures.dto';
import { ProcedureDto } from './catalogue.dto';
import { ProcedureAdminService } from './procedure-admin.service';
import { ApiErrors } from '../openapi/api-errors.decorator';

@ApiTags('admin')
@Controller('api/admin/procedures')
@Authenticated({ roles: ['admin'] })
export class AdminProceduresController {
  public constructor(private readonly procedures: ProcedureAdminService) {}

  @ApiOperation({ summary: 'Add a procedure to the catalogue' })
  @ApiCreatedResponse({ type: ProcedureDto })
  @ApiErrors(409)
  @Post()
  public create(@Body() body: CreateProcedureRequest): Promise<ProcedureDto> {
    return this.procedures.create(body);
  }

  @ApiOperation({ summary: 'Change a procedure' })
  @ApiOkResponse({ type: ProcedureDto })
  @ApiErrors(409)
  @Patch(':code')
  @BodyAfter(ROLE_IS_ENOUGH)
  public update(@Param('code') code: string, @Body() body: UpdateProcedureRequest): Promise<ProcedureDto> {
    return this.procedures.update(code, body);
  }

  @ApiOperation({ summary: 'Retire a procedure' })
  @ApiOkResponse({ type: ProcedureDto })
  @ApiErrors(409)
  @Post(':code/retire')
  @BodyAfter(ROLE_IS_ENOUGH)
  @HttpCode(HttpStatus.OK)
  public retire(@Param('code') code: string): Promise<ProcedureDto> {
    return this.procedures.retire(code);
  }
}
