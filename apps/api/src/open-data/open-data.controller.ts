import { Controller, Get, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';

import { Public } from '@onegate/access';
import { AppConfig } from '@onegate/config';
import { contentDisposition } from '@onegate/platform';
import { MEDIA_TYPES, toCsv, toXlsx } from '@onegate/reporting';

import { OpenDataExportQueryDto, OpenDataQueryDto } from './open-data.query';
import { OpenDataService, openDataTable } from './open-data.service';
import { entityTag, sendCacheable } from './cacheable-answer';
import { ApiExportResponse, ApiObjectResponse } from '../openapi/api-responses.decorator';

/**
 * The open data (docs/open-data.md): each agency's monthly figures for anyone, without signing in, as
 * JSON or as a CSV or XLSX file; cacheable, with an entity tag.
 */
@ApiTags('open data')
@Controller('api/open-data')
@Public()
@UseGuards(ThrottlerGuard)
export class OpenDataController {
  public constructor(
    private readonly openData: OpenDataService,
    private readonly config: AppConfig,
  ) {}

  @ApiOperation({ summary: 'Read the monthly open-data figures' })
  @ApiResponse({ status: 304, description: 'Not modified since the ETag sent' })
  @Get('monthly')
  @ApiObjectResponse('Each agency in each month: its figures, the ones held back and why (docs/open-data.md)')
  public async monthly(@Query() query: OpenDataQueryDto, @Req() request: Request, @Res() response: Response) {
    const body = JSON.stringify(await this.openData.monthly(query));
    await sendCacheable(request, response, {
      tag: entityTag(body),
      maxAgeSeconds: this.config.openData.cacheSeconds,
      type: 'application/json; charset=utf-8',
      body: () => Buffer.from(body, 'utf8'),
    });
  }

  @ApiOperation({ summary: 'Download the monthly open-data figures' })
  @ApiExportResponse()
  @ApiResponse({ status: 304, description: 'Not modified since the ETag sent' })
  @Get('monthly/export')
  public async export(
    @Query() query: OpenDataExportQueryDto,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const data = await this.openData.monthly(query);
    const table = openDataTable(data, query.lang);
    const name = `onegate-open-data-${query.agency ?? 'all'}-${query.from}-${query.to}.${query.format}`;
    await sendCacheable(
      request,
      response,
      {
        tag: entityTag(query.format, query.lang, JSON.stringify(data)),
        maxAgeSeconds: this.config.openData.cacheSeconds,
        type: MEDIA_TYPES[query.format],
        body: () => (query.format === 'csv' ? toCsv(table) : toXlsx(table)),
      },
      { 'Content-Disposition': contentDisposition(name) },
    );
  }
}
