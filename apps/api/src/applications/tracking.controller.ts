import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Post,
  UseGuards,
} from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';

import { Public } from '@onegate/access';
import { ApplicationReadingService, TrackingDto } from '@onegate/applications';

import { TrackRequestDto } from './applications.query';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { ErrorBody } from '../openapi/error-body.dto';

/**
 * Anyone holding a receipt code and the applicant's national ID can follow that one file. The ID
 * number travels only in the body, never in the address (docs/applications.md).
 */
@ApiTags('applications')
@Controller('api/track')
@Public()
export class TrackingController {
  public constructor(private readonly reading: ApplicationReadingService) {}

  @ApiOperation({ summary: 'Track a file by its code and the applicant’s details' })
  @ApiOkResponse({ type: TrackingDto })
  @ApiErrors(404)
  @Post()
  @HttpCode(HttpStatus.OK)
  @UseGuards(ThrottlerGuard)
  public track(@Body() body: TrackRequestDto): Promise<TrackingDto> {
    return this.reading.track(body.code, body.nationalId);
  }

  /** The old address, which carried the ID number in its query, looks nothing up. */
  @ApiOperation({ summary: 'Refused: a tracking code is never sent in the address' })
  @ApiParam({ name: 'code', type: String })
  @ApiBadRequestResponse({ description: 'Always: tracking is POST /api/track', type: ErrorBody })
  @Get(':code')
  public trackByAddress(): never {
    throw new BadRequestException({
      message: 'Tracking is POST /api/track with the code and nationalId in a JSON body',
      details: [
        {
          field: 'nationalId',
          problems: ['must be sent in the body of POST /api/track, never in the address'],
        },
      ],
    });
  }
}
