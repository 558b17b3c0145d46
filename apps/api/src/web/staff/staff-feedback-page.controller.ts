import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

import { Authenticated, BodyAfter, CurrentUser } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import { FeedbackService, StaffOfFeedback } from '@onegate/applications';

import { choices } from '../core/choices';
import { FEEDBACK_STANDINGS, feedbackItemView, feedbackItemPage } from '../core/feedback-view';
import { answerForm, attempt } from '../core/form-outcome';
import type { FieldProblem } from '../core/form-problems';
import { PageRenderer } from '../core/page-renderer';
import { languageOf } from '../core/web-cookies';
import type { WebRequest } from '../core/web-request';
import { firstText, textFields } from '../core/web-request';
import { IdParam } from '../../id-param';

/**
 * The agencies' feedback (docs/feedback.md): the queue, unanswered and most overdue first, with a
 * filter on where items stand; one item with its answer form for clerks and supervisors, read only for
 * administrators.
 */
@ApiExcludeController()
@Controller('staff/feedback')
@Authenticated({ roles: ['clerk', 'supervisor', 'admin'] })
export class StaffFeedbackPageController {
  public constructor(
    private readonly feedback: FeedbackService,
    private readonly pages: PageRenderer,
  ) {}

  @Get()
  public async queue(
    @CurrentUser() user: AuthenticatedUser,
    @Query('state') state: unknown,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    const lang = languageOf(request);
    const wanted = firstText(state) ?? '';
    // An unknown filter shows everything, as the empty choice does.
    const filter = (FEEDBACK_STANDINGS as readonly string[]).includes(wanted) ? wanted : '';
    const items = (await this.feedback.queue(user))
      .map((item) => feedbackItemView(item, lang))
      .filter((item) => !filter || item.standing === filter);
    await this.pages.render(request, response, 'feedback/queue', {
      titleKey: 'feedback.queue.title',
      items,
      standings: choices(FEEDBACK_STANDINGS, filter),
    });
  }

  @Get(':id')
  public async show(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    await this.renderItem(user, id, request, response, '', []);
  }

  @Post(':id/answer')
  @BodyAfter(StaffOfFeedback)
  @Authenticated({ roles: ['clerk', 'supervisor'] })
  public async answer(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Body() body: unknown,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    const answer = (textFields(body).answer ?? '').slice(0, 10_000);
    const outcome = await attempt(
      async () => {
        await this.feedback.answer(user, id, answer);
        return `/staff/feedback/${id}?notice=feedbackAnswered`;
      },
      { status: 'refusal' },
    );
    await answerForm(response, outcome, (failure) =>
      this.renderItem(user, id, request, response, answer, failure.problems, failure.status),
    );
  }

  private async renderItem(
    user: AuthenticatedUser,
    id: string,
    request: WebRequest,
    response: Response,
    answer: string,
    problems: FieldProblem[],
    status = 200,
  ): Promise<void> {
    const lang = languageOf(request);
    const item = feedbackItemView(await this.feedback.read(user, id), lang);
    await this.pages.render(
      request,
      response,
      'feedback/item',
      {
        ...feedbackItemPage(item, lang, problems, {
          fileBase: '/staff/applications',
          queue: { key: 'feedback.queue.title', href: '/staff/feedback' },
        }),
        staff: true,
        canAnswer: !item.answeredAt && user.role !== 'admin',
        answerValue: answer,
      },
      status,
    );
  }
}
