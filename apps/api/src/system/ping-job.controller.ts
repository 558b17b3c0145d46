import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { Authenticated } from '@onegate/access';

import { PingJobRequest, PingJobStatus } from './ping-job.dto';
import { PingJobService } from './ping-job.service';

@ApiTags('operations')
@Controller('api/admin/ping-job')
@Authenticated({ roles: ['admin'] })
export class PingJobController {
  public constructor(private readonly pings: PingJobService) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  public enqueue(@Body() body: PingJobRequest): Promise<PingJobStatus> {
    return this.pings.enqueue(body.note);
  }

  @Get(':jobId')
  public status(@Param('jobId') jobId: string): Promise<PingJobStatus> {
    return this.pings.status(jobId);
  }
}
