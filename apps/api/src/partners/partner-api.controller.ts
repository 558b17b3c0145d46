import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { BodyAfter, CurrentPartner, PartnerRoute } from '@onegate/access';
import type { PartnerCaller } from '@onegate/access';

import { PageQuery } from '../catalogue/catalogue.dto';
import { IdParam } from '../id-param';
import { ReportQueryDto } from '../reports/report.query';
import type { SummaryReport } from '../reports/reports.service';
import { PartnerForwardRequest } from './partner-client.requests';
import { PartnerFileDetailDto, PartnerFilePage, PartnerFilesService } from './partner-files.service';
import { PartnerReportsService } from './partner-reports.service';
import { TransferredStepOfPartner } from './transferred-step.check';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { ApiObjectResponse } from '../openapi/api-responses.decorator';

/** What partner clients call with their access token, each route by scope (docs/partner-clients.md). */
@ApiTags('partners')
@Controller('api/partner')
export class PartnerApiController {
  public constructor(
    private readonly files: PartnerFilesService,
    private readonly reports: PartnerReportsService,
  ) {}

  /** The sent files of the client's agencies, newest first. */
  @ApiOperation({ summary: 'List the sent files of the client’s agencies' })
  @ApiOkResponse({ type: PartnerFilePage })
  @Get('files')
  @PartnerRoute('files:read')
  public list(@CurrentPartner() caller: PartnerCaller, @Query() query: PageQuery): Promise<PartnerFilePage> {
    return this.files.page(caller, query.page, query.pageSize);
  }

  @ApiOperation({ summary: 'Read one file with its events' })
  @ApiOkResponse({ type: PartnerFileDetailDto })
  @Get('files/:id')
  @PartnerRoute('files:read')
  public get(@CurrentPartner() caller: PartnerCaller, @IdParam() id: string): Promise<PartnerFileDetailDto> {
    return this.files.detail(caller, id);
  }

  /** Forwards a file from a step transferred to the client's agency to the next step. */
  @ApiOperation({ summary: 'Forward a file from a step transferred to the client' })
  @ApiOkResponse({ description: 'The file after the step', type: PartnerFileDetailDto })
  @ApiErrors(409, 422)
  @Post('files/:id/forward')
  @PartnerRoute('steps:act')
  @BodyAfter(TransferredStepOfPartner)
  @HttpCode(HttpStatus.OK)
  public forward(
    @CurrentPartner() caller: PartnerCaller,
    @IdParam() id: string,
    @Body() body: PartnerForwardRequest,
  ): Promise<PartnerFileDetailDto> {
    return this.files.forward(caller, id, body);
  }

  /** The report's summary figures for one of the client's agencies, with the agencies below it. */
  @ApiOperation({ summary: 'Read the summary report of one of the client’s agencies' })
  @ApiObjectResponse('The summary figures (docs/metrics.md)')
  @ApiErrors(404)
  @Get('reports/summary')
  @PartnerRoute('reports:read')
  public summary(
    @CurrentPartner() caller: PartnerCaller,
    @Query() query: ReportQueryDto,
  ): Promise<SummaryReport> {
    return this.reports.summary(caller, query);
  }
}
