import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Authenticated, BodyAfter, ROLE_IS_ENOUGH } from '@onegate/access';
import { FeedbackDaysRequest, FeedbackService } from '@onegate/applications';

/** An agency's own time to answer feedback, in working days (docs/feedback.md). */
@ApiTags('feedback')
@Controller('api/admin/agencies/:code/feedback-days')
@Authenticated({ roles: ['admin'] })
export class AdminFeedbackDaysController {
  public constructor(private readonly feedback: FeedbackService) {}

  @ApiOperation({ summary: 'Set an agency’s days to answer feedback' })
  @ApiOkResponse({
    schema: {
      type: 'object',
      required: ['feedbackDays'],
      properties: { feedbackDays: { type: 'integer', example: 15 } },
    },
  })
  @Put()
  @BodyAfter(ROLE_IS_ENOUGH)
  public set(
    @Param('code') code: string,
    @Body() body: FeedbackDaysRequest,
  ): Promise<{ feedbackDays: number }> {
    return this.feedback.setAgencyDays(code, body.feedbackDays);
  }
}
