import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import { Authenticated } from '@onegate/access';
import { AuditEventRepository } from '@onegate/persistence';

import { mapPage, PageDto } from '../catalogue/catalogue.dto';
import { AuditEventDto, AuditQuery } from './audit.dto';
import { ApiPageResponse } from '../openapi/api-responses.decorator';

@ApiTags('admin')
@Controller('api/admin/audit')
@Authenticated({ roles: ['admin'] })
export class AuditController {
  public constructor(private readonly events: AuditEventRepository) {}

  @ApiOperation({ summary: 'Search the audit log' })
  @ApiPageResponse(AuditEventDto)
  @Get()
  public async search(@Query() query: AuditQuery): Promise<PageDto<AuditEventDto>> {
    const page = await this.events.search({
      page: query.page,
      pageSize: query.pageSize,
      type: query.type,
      userId: query.userId,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
    });
    return mapPage(page, AuditEventDto.from);
  }
}
