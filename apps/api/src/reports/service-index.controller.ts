import { Body, Controller, Get, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Authenticated, CurrentUser } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import type { ScoringTableVersion } from '@onegate/reporting';

import { file } from './reports.controller';
import { ScoringTableRequest, ServiceIndexExportQueryDto, ServiceIndexQueryDto } from './service-index.query';
import type { ServiceIndexRanking, ServiceIndexReport } from './service-index.service';
import { ServiceIndexService } from './service-index.service';
import { ApiExportResponse, ApiObjectResponse } from '../openapi/api-responses.decorator';
import { ApiErrors } from '../openapi/api-errors.decorator';

/** The service index of Decision 766 (docs/decision-766.md), for supervisors and administrators. */
@ApiTags('reports')
@Controller('api/reports/service-index')
@Authenticated({ roles: ['supervisor', 'admin'] })
export class ServiceIndexController {
  public constructor(private readonly serviceIndex: ServiceIndexService) {}

  @ApiOperation({ summary: 'Read the service index figures' })
  @ApiErrors(404)
  @ApiObjectResponse('The service index (docs/metrics.md)')
  @Get()
  public figures(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ServiceIndexQueryDto,
  ): Promise<ServiceIndexReport> {
    return this.serviceIndex.figures(user, query);
  }

  @ApiOperation({ summary: 'Download the service index figures' })
  @ApiErrors(404)
  @ApiExportResponse()
  @Get('export')
  public async exportFigures(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ServiceIndexExportQueryDto,
  ): Promise<StreamableFile> {
    return file(await this.serviceIndex.exportFigures(user, query, query.format, query.lang), query.format);
  }

  @ApiOperation({ summary: 'Read the service index ranking' })
  @ApiErrors(404)
  @ApiObjectResponse('The ranked units (docs/metrics.md)')
  @Get('ranking')
  public ranking(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ServiceIndexQueryDto,
  ): Promise<ServiceIndexRanking> {
    return this.serviceIndex.ranking(user, query);
  }

  @ApiOperation({ summary: 'Download the service index ranking' })
  @ApiErrors(404)
  @ApiExportResponse()
  @Get('ranking/export')
  public async exportRanking(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ServiceIndexExportQueryDto,
  ): Promise<StreamableFile> {
    return file(await this.serviceIndex.exportRanking(user, query, query.format, query.lang), query.format);
  }
}

/** The versions of the index's scoring table; a new one takes effect from its date. */
@ApiTags('admin')
@Controller('api/admin/service-index/scoring-tables')
@Authenticated({ roles: ['admin'] })
export class AdminScoringTablesController {
  public constructor(private readonly serviceIndex: ServiceIndexService) {}

  @ApiOperation({ summary: 'List the scoring table versions' })
  @ApiOkResponse({
    description: 'Every version (docs/metrics.md)',
    schema: { type: 'array', items: { type: 'object' } },
  })
  @Get()
  public list(): Promise<ScoringTableVersion[]> {
    return this.serviceIndex.scoringTables();
  }

  @ApiOperation({ summary: 'Add a scoring table version' })
  @ApiCreatedResponse({ description: 'The new version (docs/metrics.md)', schema: { type: 'object' } })
  @ApiErrors(409)
  @Post()
  public add(
    @CurrentUser() admin: AuthenticatedUser,
    @Body() body: ScoringTableRequest,
  ): Promise<ScoringTableVersion> {
    return this.serviceIndex.addScoringTable(admin, body.effectiveFrom, body);
  }
}
