import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Authenticated, BodyAfter, CurrentUser } from '@onegate/access';
import { ApplicationOfCaller } from '@onegate/applications';
import type { AuthenticatedUser } from '@onegate/access';

import { RatingDto, RatingRequest } from './rating.request';
import { RatingService } from './rating.service';
import { IdParam } from '../id-param';
import { ApiErrors } from '../openapi/api-errors.decorator';

@ApiTags('applications')
@Controller('api/applications/:id/rating')
export class RatingsController {
  public constructor(private readonly ratings: RatingService) {}

  /** The applicant rates a returned application, once: a second rating answers 409. */
  @ApiOperation({ summary: 'Rate a decided file' })
  @ApiCreatedResponse({ type: RatingDto })
  @ApiErrors(409, 422)
  @Post()
  @BodyAfter(ApplicationOfCaller)
  @Authenticated({ roles: ['citizen'] })
  public rate(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Body() body: RatingRequest,
  ): Promise<RatingDto> {
    return this.ratings.rate(user, id, body);
  }
}
