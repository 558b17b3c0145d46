import { Body, Controller, Get, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { ApiErrors } from '../openapi/api-errors.decorator';

/** Citizens' feedback and petitions, signed in or anonymous (docs/feedback.md). */
@ApiTags('feedback')
@Controller('api/feedback')
export class FeedbackController {
  public constructor(private readonly feedback: FeedbackService) {}

  /** A citizen's feedback about one of their files (with its aspect) or about an agency. */
  @ApiOperation({ summary: 'File feedback or a petition, signed in' })
  @ApiCreatedResponse({ type: FeedbackDto })
  @ApiErrors(409, 422)
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
  @ApiOperation({ summary: 'File feedback anonymously' })
  @ApiCreatedResponse({ type: FiledFeedbackDto })
  @ApiErrors(422)
  @Post('anonymous')
  @Public()
  @UseGuards(ThrottlerGuard)
  public fileAnonymously(@Body() body: AnonymousFeedbackRequest): Promise<FiledFeedbackDto> {
    return this.feedback.fileAnonymously(body);
  }

  /** Anonymous feedback followed by its code and secret, in the body, never the address. */
  @ApiOperation({ summary: 'Follow anonymous feedback by its code' })
  @ApiOkResponse({ type: FeedbackDto })
  @ApiErrors(404)
  @Post('track')
  @Public()
  @HttpCode(HttpStatus.OK)
  @UseGuards(ThrottlerGuard)
  public follow(@Body() body: FeedbackFollowUpRequest): Promise<FeedbackDto> {
    return this.feedback.follow(body.code, body.secret);
  }

  @ApiOperation({ summary: 'Rate the answer to anonymous feedback' })
  @ApiOkResponse({ type: FeedbackDto })
  @ApiErrors(404, 409)
  @Post('track/rating')
  @Public()
  @HttpCode(HttpStatus.OK)
  @UseGuards(ThrottlerGuard)
  public rateAnonymously(@Body() body: AnonymousFeedbackRatingRequest): Promise<FeedbackDto> {
    return this.feedback.rateAnonymously(body.code, body.secret, body.rating);
  }

  /** The citizen's own feedback, newest first. */
  @ApiOperation({ summary: 'List my feedback' })
  @ApiOkResponse({ type: [FeedbackDto] })
  @Get()
  @Authenticated({ roles: ['citizen'] })
  public mine(@CurrentUser() user: AuthenticatedUser): Promise<FeedbackDto[]> {
    return this.feedback.mine(user);
  }

  /** Its author, the agency's staff and administrators; anyone else 404. */
  @ApiOperation({ summary: 'Read one of my feedback items' })
  @ApiOkResponse({ type: FeedbackDto })
  @Get(':id')
  @Authenticated()
  public read(@CurrentUser() user: AuthenticatedUser, @IdParam() id: string): Promise<FeedbackDto> {
    return this.feedback.read(user, id);
  }

  /** The author rates the answer once. */
  @ApiOperation({ summary: 'Rate the answer to my feedback' })
  @ApiOkResponse({ type: FeedbackDto })
  @ApiErrors(409)
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
