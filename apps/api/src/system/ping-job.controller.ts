import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Authenticated } from '@onegate/access';

import { PingJobRequest, PingJobStatus } from './ping-job.dto';
import { PingJobService } from './ping-job.service';
import { ApiErrors } from '../openapi/api-errors.decorator';

@ApiTags('operations')
@Controller('api/admin/ping-job')
@Authenticated({ roles: ['admin'] })
export class PingJobController {
  public constructor(private readonly pings: PingJobService) {}

  @ApiOperation({ summary: 'Queue a ping job (operations check)' })
  @ApiAcceptedResponse({ type: PingJobStatus })
  @ApiErrors(503)
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  public enqueue(@Body() body: PingJobRequest): Promise<PingJobStatus> {
    return this.pings.enqueue(body.note);
  }

  @ApiOperation({ summary: 'Read a ping job’s state' })
  @ApiOkResponse({ type: PingJobStatus })
  @Get(':jobId')
  public status(@Param('jobId') jobId: string): Promise<PingJobStatus> {
    return this.pings.status(jobId);
  }
}
