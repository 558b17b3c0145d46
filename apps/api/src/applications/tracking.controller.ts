import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';

import { Public } from '@onegate/access';
import { ApplicationReadingService, TrackingDto } from '@onegate/applications';

import { TrackQueryDto } from './applications.query';

/** Anyone holding a receipt code and the applicant's national ID can follow that one file. */
@ApiTags('applications')
@Controller('api/track')
@Public()
export class TrackingController {
  public constructor(private readonly reading: ApplicationReadingService) {}

  @Get(':code')
  @UseGuards(ThrottlerGuard)
  public track(@Param('code') code: string, @Query() query: TrackQueryDto): Promise<TrackingDto> {
    return this.reading.track(code, query.nationalId);
  }
}
