import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { Authenticated, BodyAfter, ROLE_IS_ENOUGH } from '@onegate/access';
import { FeedbackDaysRequest, FeedbackService } from '@onegate/applications';

/** An agency's own time to answer feedback, in working days (docs/feedback.md). */
@ApiTags('feedback')
@Controller('api/admin/agencies/:code/feedback-days')
@Authenticated({ roles: ['admin'] })
export class AdminFeedbackDaysController {
  public constructor(private readonly feedback: FeedbackService) {}

  @Put()
  @BodyAfter(ROLE_IS_ENOUGH)
  public set(
    @Param('code') code: string,
    @Body() body: FeedbackDaysRequest,
  ): Promise<{ feedbackDays: number }> {
    return this.feedback.setAgencyDays(code, body.feedbackDays);
  }
}
