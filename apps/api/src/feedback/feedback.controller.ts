import { Body, Controller, Get, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';

import { Authenticated, BodyAfter, CurrentUser, Public } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import {
  AnonymousFeedbackRatingRequest,
  AnonymousFeedbackRequest,
  AuthorOfFeedback,
  FeedbackDto,
  FeedbackFollowUpRequest,
  FeedbackRatingRequest,
  FeedbackService,
  FiledFeedbackDto,
  FileFeedbackRequest,
} from '@onegate/applications';

import { IdParam } from '../id-param';

/** Citizens' feedback and petitions, signed in or anonymous (docs/feedback.md). */
@ApiTags('feedback')
@Controller('api/feedback')
export class FeedbackController {
  public constructor(private readonly feedback: FeedbackService) {}

  /** A citizen's feedback about one of their files (with its aspect) or about an agency. */
  @Post()
  @Authenticated({ roles: ['citizen'] })
  @UseGuards(ThrottlerGuard)
  public file(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: FileFeedbackRequest,
  ): Promise<FeedbackDto> {
    return this.feedback.file(user, body);
  }

  /** Anonymous feedback about an agency (never a file): answered with its code and a secret, once. */
  @Post('anonymous')
  @Public()
  @UseGuards(ThrottlerGuard)
  public fileAnonymously(@Body() body: AnonymousFeedbackRequest): Promise<FiledFeedbackDto> {
    return this.feedback.fileAnonymously(body);
  }

  /** Anonymous feedback followed by its code and secret, in the body, never the address. */
  @Post('track')
  @Public()
  @HttpCode(HttpStatus.OK)
  @UseGuards(ThrottlerGuard)
  public follow(@Body() body: FeedbackFollowUpRequest): Promise<FeedbackDto> {
    return this.feedback.follow(body.code, body.secret);
  }

  @Post('track/rating')
  @Public()
  @HttpCode(HttpStatus.OK)
  @UseGuards(ThrottlerGuard)
  public rateAnonymously(@Body() body: AnonymousFeedbackRatingRequest): Promise<FeedbackDto> {
    return this.feedback.rateAnonymously(body.code, body.secret, body.rating);
  }

  /** The citizen's own feedback, newest first. */
  @Get()
  @Authenticated({ roles: ['citizen'] })
  public mine(@CurrentUser() user: AuthenticatedUser): Promise<FeedbackDto[]> {
    return this.feedback.mine(user);
  }

  /** Its author, the agency's staff and administrators; anyone else 404. */
  @Get(':id')
  @Authenticated()
  public read(@CurrentUser() user: AuthenticatedUser, @IdParam() id: string): Promise<FeedbackDto> {
    return this.feedback.read(user, id);
  }

  /** The author rates the answer once. */
  @Post(':id/rating')
  @BodyAfter(AuthorOfFeedback)
  @Authenticated({ roles: ['citizen'] })
  @HttpCode(HttpStatus.OK)
  public rate(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Body() body: FeedbackRatingRequest,
  ): Promise<FeedbackDto> {
    return this.feedback.rate(user, id, body.rating);
  }
}
