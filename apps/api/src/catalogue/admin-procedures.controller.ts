import { Body, Controller, HttpCode, HttpStatus, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { Authenticated, BodyAfter, ROLE_IS_ENOUGH } from '@onegate/access';

import { CreateProcedureRequest, UpdateProcedureRequest } from './admin-procedures.dto';
import { ProcedureDto } from './catalogue.dto';
import { ProcedureAdminService } from './procedure-admin.service';

@ApiTags('admin')
@Controller('api/admin/procedures')
@Authenticated({ roles: ['admin'] })
export class AdminProceduresController {
  public constructor(private readonly procedures: ProcedureAdminService) {}

  @Post()
  public create(@Body() body: CreateProcedureRequest): Promise<ProcedureDto> {
    return this.procedures.create(body);
  }

  @Patch(':code')
  @BodyAfter(ROLE_IS_ENOUGH)
  public update(@Param('code') code: string, @Body() body: UpdateProcedureRequest): Promise<ProcedureDto> {
    return this.procedures.update(code, body);
  }

  @Post(':code/retire')
  @BodyAfter(ROLE_IS_ENOUGH)
  @HttpCode(HttpStatus.OK)
  public retire(@Param('code') code: string): Promise<ProcedureDto> {
    return this.procedures.retire(code);
  }
}
