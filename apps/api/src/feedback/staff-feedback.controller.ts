import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Authenticated, BodyAfter, CurrentUser } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import { FeedbackAnswerRequest, FeedbackDto, FeedbackService, StaffOfFeedback } from '@onegate/applications';

import { IdParam } from '../id-param';
import { ApiErrors } from '../openapi/api-errors.decorator';

/** The agencies' feedback queue and answers (docs/feedback.md). */
@ApiTags('feedback')
@Controller('api/staff/feedback')
export class StaffFeedbackController {
  public constructor(private readonly feedback: FeedbackService) {}

  /** Unanswered first, the most overdue first; then the answered ones, latest first. */
  @ApiOperation({ summary: 'List the feedback my agency must answer' })
  @ApiOkResponse({ type: [FeedbackDto] })
  @Get()
  @Authenticated({ roles: ['clerk', 'supervisor', 'admin'] })
  public queue(@CurrentUser() user: AuthenticatedUser): Promise<FeedbackDto[]> {
    return this.feedback.queue(user);
  }

  @ApiOperation({ summary: 'Read feedback addressed to my agency' })
  @ApiOkResponse({ type: FeedbackDto })
  @Get(':id')
  @Authenticated({ roles: ['clerk', 'supervisor', 'admin'] })
  public read(@CurrentUser() user: AuthenticatedUser, @IdParam() id: string): Promise<FeedbackDto> {
    return this.feedback.read(user, id);
  }

  /** Clerks and supervisors of the agency (or above it) answer once. */
  @ApiOperation({ summary: 'Answer feedback' })
  @ApiOkResponse({ type: FeedbackDto })
  @ApiErrors(409)
  @Post(':id/answer')
  @BodyAfter(StaffOfFeedback)
  @Authenticated({ roles: ['clerk', 'supervisor'] })
  @HttpCode(HttpStatus.OK)
  public answer(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Body() body: FeedbackAnswerRequest,
  ): Promise<FeedbackDto> {
    return this.feedback.answer(user, id, body.answer);
  }
}
