import { Body, Controller, Get, HttpStatus, NotFoundException, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

import { Public } from '@onegate/access';
import { FeedbackService } from '@onegate/applications';
import type { FeedbackDto } from '@onegate/applications';
import { AgencyRepository, FEEDBACK_KINDS } from '@onegate/persistence';
import type { FeedbackKind } from '@onegate/persistence';

import { agencyChoices } from '../core/choices';
import {
  feedbackErrors,
  feedbackFormChoices,
  feedbackItemView,
  readFeedbackForm,
  readFeedbackRating,
  emptyFeedbackForm,
} from '../core/feedback-view';
import type { FeedbackFormValues } from '../core/feedback-view';
import { refusalProblems } from '../core/form-outcome';
import type { FieldProblem } from '../core/form-problems';
import { PageRenderer } from '../core/page-renderer';
import { PublicFormPost } from '../core/public-form.guard';
import { languageOf } from '../core/web-cookies';
import type { WebRequest } from '../core/web-request';
import { textFields } from '../core/web-request';

/**
 * Feedback without an account (docs/feedback.md): about an agency, answered with its code and a
 * secret shown once; followed with both by a form post, never in an address.
 */
@ApiExcludeController()
@Controller('feedback')
@Public()
export class FeedbackPagesController {
  public constructor(
    private readonly feedback: FeedbackService,
    private readonly agencies: AgencyRepository,
    private readonly pages: PageRenderer,
  ) {}

  @Get('new')
  public async form(@Req() request: WebRequest, @Res() response: Response): Promise<void> {
    await this.renderForm(request, response, emptyFeedbackForm('agency'), []);
  }

  /** Filed: the code and the secret, on this answer only (no redirect would carry the secret). */
  @PublicFormPost('new')
  public async file(@Body() body: unknown, @Req() request: WebRequest, @Res() response: Response) {
    const values = { ...readFeedbackForm(body), about: 'agency' };
    if (!(FEEDBACK_KINDS as readonly string[]).includes(values.kind)) {
      const problems = [{ field: 'kind', problems: ['is required'] }];
      return this.renderForm(request, response, values, problems, HttpStatus.BAD_REQUEST);
    }
    try {
      const filed = await this.feedback.fileAnonymously({
        kind: values.kind as FeedbackKind,
        agencyCode: values.agencyCode,
        subject: values.subject,
        body: values.body,
        contact: values.contact || undefined,
      });
      const item = feedbackItemView(filed, languageOf(request));
      await this.pages.render(request, response, 'feedback/filed', {
        titleKey: 'feedback.filed.title',
        item,
        secret: filed.secret,
      });
    } catch (error) {
      await this.renderForm(request, response, values, refusalProblems(error), HttpStatus.BAD_REQUEST);
    }
  }

  /** The empty follow-up form. An address with a query looks nothing up and is sent here bare. */
  @Get('track')
  public async trackForm(@Req() request: WebRequest, @Res() response: Response): Promise<void> {
    if (request.originalUrl.includes('?')) return response.redirect(HttpStatus.SEE_OTHER, '/feedback/track');
    await this.renderTrack(request, response, { code: '', secret: '' }, null, []);
  }

  @PublicFormPost('track')
  public async track(@Body() body: unknown, @Req() request: WebRequest, @Res() response: Response) {
    const pair = readPair(body);
    const problems = pairProblems(pair);
    if (problems.length > 0)
      return this.renderTrack(request, response, pair, null, problems, HttpStatus.BAD_REQUEST);
    const found = await this.feedback.follow(pair.code, pair.secret).catch(notFoundAsNull);
    await this.renderTrack(request, response, pair, found, [], found ? 200 : HttpStatus.NOT_FOUND);
  }

  /** The anonymous author's one rating, with the code and secret again in the form. */
  @PublicFormPost('track/rating')
  public async rate(@Body() body: unknown, @Req() request: WebRequest, @Res() response: Response) {
    const pair = readPair(body);
    const { rating, problems } = readFeedbackRating(body);
    const missing = pairProblems(pair);
    if (missing.length > 0)
      return this.renderTrack(request, response, pair, null, missing, HttpStatus.BAD_REQUEST);
    try {
      if (problems.length > 0) {
        const found = await this.feedback.follow(pair.code, pair.secret);
        return this.renderTrack(request, response, pair, found, problems, HttpStatus.BAD_REQUEST);
      }
      const rated = await this.feedback.rateAnonymously(pair.code, pair.secret, rating);
      await this.renderTrack(request, response, pair, rated, [], 200, true);
    } catch (error) {
      if (error instanceof NotFoundException)
        return this.renderTrack(request, response, pair, null, [], HttpStatus.NOT_FOUND);
      const found = await this.feedback.follow(pair.code, pair.secret);
      const status = (error as { getStatus?: () => number }).getStatus?.() ?? 400;
      await this.renderTrack(request, response, pair, found, refusalProblems(error), status);
    }
  }

  private async renderTrack(
    request: WebRequest,
    response: Response,
    pair: { code: string; secret: string },
    found: FeedbackDto | null,
    problems: FieldProblem[],
    status = 200,
    rated = false,
  ): Promise<void> {
    const lang = languageOf(request);
    const looked = request.method === 'POST';
    await this.pages.render(
      request,
      response,
      'feedback/track',
      {
        titleKey: 'feedback.track.title',
        values: pair,
        item: found ? feedbackItemView(found, lang) : null,
        notFound: looked && status === HttpStatus.NOT_FOUND,
        rated,
        errors: feedbackErrors(lang, problems),
      },
      status,
    );
  }

  private async renderForm(
    request: WebRequest,
    response: Response,
    values: FeedbackFormValues,
    problems: FieldProblem[],
    status = 200,
  ): Promise<void> {
    const lang = languageOf(request);
    const agencies = (await this.agencies.list({ page: 1, pageSize: 500 })).items;
    await this.pages.render(
      request,
      response,
      'feedback/form',
      {
        titleKey: 'feedback.new.title',
        action: '/feedback/new',
        signedIn: false,
        values,
        ...feedbackFormChoices(values),
        files: [],
        aboutAgency: true,
        agencies: agencyChoices(agencies, lang, values.agencyCode),
        errors: feedbackErrors(lang, problems),
      },
      status,
    );
  }
}

function readPair(body: unknown): { code: string; secret: string } {
  const fields = textFields(body);
  return {
    code: (fields.code ?? '').trim().toUpperCase().slice(0, 40),
    secret: (fields.secret ?? '').replace(/\s/g, '').toUpperCase().slice(0, 40),
  };
}

function pairProblems(pair: { code: string; secret: string }): FieldProblem[] {
  return (['code', 'secret'] as const)
    .filter((field) => pair[field] === '')
    .map((field) => ({ field, problems: ['is required'] }));
}

function notFoundAsNull(error: unknown): null {
  if (error instanceof NotFoundException) return null;
  throw error;
}
