import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

import { Authenticated, BodyAfter, CurrentUser } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import { ApplicationReadingService, AuthorOfFeedback, FeedbackService } from '@onegate/applications';
import type { FileFeedbackRequest } from '@onegate/applications';
import { AgencyRepository, FEEDBACK_ASPECTS, FEEDBACK_KINDS } from '@onegate/persistence';

import { agencyChoices } from '../core/choices';
import {
  feedbackErrors,
  feedbackFormChoices,
  feedbackItemView,
  readFeedbackForm,
  readFeedbackRating,
  emptyFeedbackForm,
  feedbackItemPage,
} from '../core/feedback-view';
import type { FeedbackFormValues } from '../core/feedback-view';
import { fileHeading } from '../core/file-heading';
import { answerForm, attempt } from '../core/form-outcome';
import type { FieldProblem } from '../core/form-problems';
import { PageRenderer } from '../core/page-renderer';
import { languageOf } from '../core/web-cookies';
import type { WebRequest } from '../core/web-request';
import { firstText } from '../core/web-request';
import { IdParam } from '../../id-param';

/** How many of the citizen's files the form offers: their latest ones. */
const FILES_OFFERED = 100;

/** A citizen's feedback and petitions (docs/feedback.md): list, file one, read the answer and rate it. */
@ApiExcludeController()
@Controller('my/feedback')
@Authenticated({ roles: ['citizen'] })
export class MyFeedbackController {
  public constructor(
    private readonly feedback: FeedbackService,
    private readonly reading: ApplicationReadingService,
    private readonly agencies: AgencyRepository,
    private readonly pages: PageRenderer,
  ) {}

  @Get()
  public async list(
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    const lang = languageOf(request);
    const items = (await this.feedback.mine(user)).map((item) => feedbackItemView(item, lang));
    await this.pages.render(request, response, 'feedback/mine', { titleKey: 'feedback.mine.title', items });
  }

  /** The form; `?file=<id>` (the file page's link) starts it about that file. */
  @Get('new')
  public async form(
    @CurrentUser() user: AuthenticatedUser,
    @Query('file') file: unknown,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    const applicationId = firstText(file) ?? '';
    const values = { ...emptyFeedbackForm(applicationId ? 'file' : ''), applicationId };
    await this.renderForm(user, request, response, values, []);
  }

  @Post('new')
  public async file(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: unknown,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    const values = readFeedbackForm(body);
    const { filing, problems } = citizenFiling(values);
    const outcome = await attempt(
      async () => `/my/feedback/${(await this.feedback.file(user, filing)).id}?notice=feedbackFiled`,
      { problems },
    );
    await answerForm(response, outcome, (failure) =>
      this.renderForm(user, request, response, values, failure.problems, failure.status),
    );
  }

  @Get(':id')
  public async show(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    await this.renderItem(user, id, request, response, []);
  }

  /** The author's one rating of the answer: satisfied or not satisfied. */
  @Post(':id/rating')
  @BodyAfter(AuthorOfFeedback)
  public async rate(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Body() body: unknown,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    const { rating, problems } = readFeedbackRating(body);
    const outcome = await attempt(
      async () => {
        await this.feedback.rate(user, id, rating);
        return `/my/feedback/${id}?notice=feedbackRated`;
      },
      { problems, status: 'refusal' },
    );
    await answerForm(response, outcome, (failure) =>
      this.renderItem(user, id, request, response, failure.problems, failure.status),
    );
  }

  private async renderItem(
    user: AuthenticatedUser,
    id: string,
    request: WebRequest,
    response: Response,
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
          fileBase: '/my/applications',
          queue: { key: 'feedback.mine.title', href: '/my/feedback' },
        }),
        ratingAction: `/my/feedback/${id}/rating`,
      },
      status,
    );
  }

  private async renderForm(
    user: AuthenticatedUser,
    request: WebRequest,
    response: Response,
    values: FeedbackFormValues,
    problems: FieldProblem[],
    status = 200,
  ): Promise<void> {
    const lang = languageOf(request);
    const mine = await this.reading.mine(user, 1, FILES_OFFERED);
    const files = mine.items
      .filter((application) => application.state !== 'draft')
      .map((application) => ({
        id: application.id,
        name: `${fileHeading(lang, application)} – ${application.procedureName[lang]}`,
        selected: application.id === values.applicationId,
      }));
    const agencies = (await this.agencies.list({ page: 1, pageSize: 500 })).items;
    await this.pages.render(
      request,
      response,
      'feedback/form',
      {
        titleKey: 'feedback.new.title',
        action: '/my/feedback/new',
        signedIn: true,
        values,
        ...feedbackFormChoices(values),
        files,
        aboutFile: values.about === 'file',
        // Without a submitted file, the feedback can only be about an agency.
        aboutAgency: values.about === 'agency' || files.length === 0,
        agencies: agencyChoices(agencies, lang, values.agencyCode),
        errors: feedbackErrors(lang, problems),
        breadcrumbs: [{ key: 'feedback.mine.title', href: '/my/feedback' }, { key: 'feedback.new.title' }],
      },
      status,
    );
  }
}

/**
 * What the citizen's form asks the service for: about a file (with its aspect) or about an agency,
 * as the `about` choice says; the other choice's fields are left out.
 */
function citizenFiling(values: FeedbackFormValues): {
  filing: FileFeedbackRequest;
  problems: FieldProblem[];
} {
  const problems: FieldProblem[] = [];
  if (values.about !== 'file' && values.about !== 'agency')
    problems.push({ field: 'about', problems: ['is required'] });
  if (!(FEEDBACK_KINDS as readonly string[]).includes(values.kind))
    problems.push({ field: 'kind', problems: ['is required'] });
  const filing = {
    kind: values.kind,
    subject: values.subject,
    body: values.body,
    ...(values.about === 'file'
      ? { applicationId: values.applicationId || undefined, aspect: values.aspect || undefined }
      : { agencyCode: values.agencyCode || undefined }),
  } as FileFeedbackRequest;
  if (filing.applicationId !== undefined && !/^[0-9a-f-]{36}$/i.test(filing.applicationId))
    problems.push({ field: 'applicationId', problems: ['must be one of your submitted files'] });
  if (values.about === 'file' && !filing.applicationId)
    problems.push({ field: 'applicationId', problems: ['is required'] });
  if (filing.aspect !== undefined && !(FEEDBACK_ASPECTS as readonly string[]).includes(filing.aspect))
    problems.push({ field: 'aspect', problems: ['is required'] });
  return { filing, problems };
}
