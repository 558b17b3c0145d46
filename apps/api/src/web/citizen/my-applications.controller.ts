import {
  Body,
  Controller,
  Get,
  HttpException,
  HttpStatus,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

import { Authenticated, BodyAfter, CurrentUser, ROLE_IS_ENOUGH } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import {
  ApplicationActionsService,
  ApplicationIntakeService,
  ApplicationOfCaller,
  ApplicationReadingService,
} from '@onegate/applications';
import type { ActionRequest } from '@onegate/applications';
import { UserRepository } from '@onegate/persistence';

import { CatalogueService } from '../../catalogue/catalogue.service';
import { RatingService } from '../../reports/rating.service';
import { applicationFileView, lastSupplementRequest } from '../core/application-view';
import {
  fieldProblemsOf,
  formErrors,
  generalError,
  isFormError,
  messageOf,
  translateProblem,
} from '../core/form-problems';
import { translate } from '../core/messages';
import { PageRenderer } from '../core/page-renderer';
import { languageOf } from '../core/web-cookies';
import type { WebRequest } from '../core/web-request';
import { PAGE_NUMBER, textFields } from '../core/web-request';
import { IdParam } from '../../id-param';

const PAGE_SIZE = 20;
/** Profile answers a new draft starts with, when the form asks for them. */
const PREFILLED = ['fullName', 'nationalId', 'phone', 'email'] as const;

/** A citizen's own files: start one, list them, follow one, pay, withdraw. */
@ApiExcludeController()
@Controller()
@Authenticated({ roles: ['citizen'] })
export class MyApplicationsController {
  public constructor(
    private readonly intake: ApplicationIntakeService,
    private readonly actions: ApplicationActionsService,
    private readonly reading: ApplicationReadingService,
    private readonly catalogue: CatalogueService,
    private readonly users: UserRepository,
    private readonly ratings: RatingService,
    private readonly pages: PageRenderer,
  ) {}

  @Post('procedures/:code/apply')
  @BodyAfter(ROLE_IS_ENOUGH)
  public async apply(
    @CurrentUser() user: AuthenticatedUser,
    @Param('code') code: string,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    const procedure = await this.catalogue.getProcedure(code);
    const account = (await this.users.findById(user.id))!;
    const profile: Record<string, string | null> = {
      fullName: account.fullName,
      nationalId: account.nationalId,
      phone: account.phone ? account.phone.replace(/^\+84/, '0') : null,
      email: account.email,
    };
    const formData: Record<string, unknown> = {};
    for (const name of PREFILLED) {
      const field = procedure.formSchema.find((candidate) => candidate.name === name);
      if (field && profile[name] && ['text', 'nationalId', 'phone', 'email'].includes(field.type)) {
        formData[name] = profile[name];
      }
    }
    const draft = await this.intake.createDraft(user, { procedureCode: code, formData }).catch((error) => {
      // A refusal such as the open-drafts limit shows on the error page in the reader's language.
      if (!isFormError(error)) throw error;
      throw new HttpException(translateProblem(languageOf(request), messageOf(error)), error.getStatus());
    });
    response.redirect(HttpStatus.SEE_OTHER, `/my/applications/${draft.id}/edit?notice=draftCreated`);
  }

  @Get('my/applications')
  public async list(
    @CurrentUser() user: AuthenticatedUser,
    @Query('page', PAGE_NUMBER) requested: number | undefined,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    const page = requested ?? 1;
    const result = await this.reading.mine(user, page, PAGE_SIZE);
    const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
    await this.pages.render(request, response, 'citizen/applications', {
      titleKey: 'myApplications.title',
      applications: result.items,
      pagination: {
        page,
        pages,
        previous: page > 1 ? `/my/applications?page=${page - 1}` : null,
        next: page < pages ? `/my/applications?page=${page + 1}` : null,
      },
    });
  }

  @Get('my/applications/:id')
  public async show(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    await this.renderDetail(user, id, request, response, {});
  }

  @Post('my/applications/:id/pay')
  @BodyAfter(ApplicationOfCaller)
  public async pay(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Body() body: unknown,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    const reference = (textFields(body).reference ?? '').trim();
    const lang = languageOf(request);
    if (!reference) {
      const errors = formErrors(
        lang,
        [{ field: 'reference', problems: ['is required'] }],
        () => 'payReference',
        () => translate(lang, 'pay.reference'),
      );
      return this.renderDetail(user, id, request, response, { payErrors: errors }, HttpStatus.BAD_REQUEST);
    }
    await this.act(
      user,
      id,
      { action: 'pay', reference: reference.slice(0, 100) },
      request,
      response,
      'paid',
    );
  }

  @Post('my/applications/:id/withdraw')
  @BodyAfter(ApplicationOfCaller)
  public async withdraw(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    await this.act(user, id, { action: 'withdraw' }, request, response, 'withdrawn');
  }

  /** Shown once the result is returned, when this build has ratings. */
  @Post('my/applications/:id/rating')
  @BodyAfter(ApplicationOfCaller)
  public async rate(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Body() body: unknown,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    const posted = textFields(body);
    const score = Number.parseInt(posted.score ?? '', 10);
    const lang = languageOf(request);
    if (!(score >= 1 && score <= 5)) {
      const errors = formErrors(
        lang,
        [{ field: 'score', problems: ['is required'] }],
        () => 'score-1',
        () => translate(lang, 'rating.score'),
      );
      return this.renderDetail(user, id, request, response, { ratingErrors: errors }, HttpStatus.BAD_REQUEST);
    }
    try {
      await this.ratings.rate(user, id, {
        score,
        comment: (posted.comment ?? '').trim().slice(0, 2000) || undefined,
      });
    } catch (error) {
      if (!isFormError(error)) throw error;
      const errors = generalError(translate(lang, 'rating.already'));
      return this.renderDetail(user, id, request, response, { ratingErrors: errors }, error.getStatus());
    }
    response.redirect(HttpStatus.SEE_OTHER, `/my/applications/${id}?notice=rated`);
  }

  private async act(
    user: AuthenticatedUser,
    id: string,
    action: ActionRequest,
    request: WebRequest,
    response: Response,
    notice: string,
  ): Promise<void> {
    try {
      await this.actions.perform({ kind: 'user', user }, id, action);
    } catch (error) {
      if (!isFormError(error)) throw error;
      const lang = languageOf(request);
      const problems = fieldProblemsOf(error) ?? [];
      const errors =
        problems.length > 0
          ? formErrors(
              lang,
              problems,
              () => 'payReference',
              () => translate(lang, 'pay.reference'),
            )
          : generalError(messageOf(error));
      return this.renderDetail(user, id, request, response, { payErrors: errors }, error.getStatus());
    }
    response.redirect(HttpStatus.SEE_OTHER, `/my/applications/${id}?notice=${notice}`);
  }

  private async renderDetail(
    user: AuthenticatedUser,
    id: string,
    request: WebRequest,
    response: Response,
    extra: Record<string, unknown>,
    status = 200,
  ): Promise<void> {
    const application = await this.reading.get(user, id);
    const procedure = await this.catalogue.getProcedure(application.procedureCode);
    const lang = languageOf(request);
    await this.pages.render(
      request,
      response,
      'citizen/application',
      {
        titleText: `${application.code ?? translate(lang, application.state === 'draft' ? 'application.draft' : 'application.awaitingCode')} – ${application.procedureName[lang]}`,
        application,
        ...applicationFileView(application, procedure, lang),
        supplementRequest:
          application.state === 'supplement_requested' ? lastSupplementRequest(application.events) : null,
        canEdit: application.state === 'draft' || application.state === 'supplement_requested',
        canPay: application.allowedActions.includes('pay'),
        canWithdraw: application.allowedActions.includes('withdraw'),
        canRate: application.state === 'returned',
        scores: [5, 4, 3, 2, 1],
        resultHref:
          application.signed && ['decided', 'returned'].includes(application.state)
            ? `/api/applications/${application.id}/result`
            : null,
        breadcrumbs: [
          { key: 'nav.myApplications', href: '/my/applications' },
          { text: application.code ?? translate(lang, 'application.draft') },
        ],
        ...extra,
      },
      status,
    );
  }
}
