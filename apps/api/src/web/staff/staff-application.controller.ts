import { BadRequestException, Body, Controller, Get, HttpStatus, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Response } from 'express';

import { Authenticated, CurrentUser } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import { ActionRequest, ApplicationActionsService, ApplicationReadingService } from '@onegate/applications';
import type { ApplicationDto } from '@onegate/applications';
import { ACTIONS } from '@onegate/domain';
import type { Action } from '@onegate/domain';
import { AgencyRepository, UserRepository } from '@onegate/persistence';
import { Clock } from '@onegate/platform';

import { CatalogueService } from '../../catalogue/catalogue.service';
import { applicationFileView, urgencyOf } from '../core/application-view';
import { fieldProblemsOf, formErrors, generalError, isFormError, messageOf } from '../core/form-problems';
import type { FieldProblem, FormErrors } from '../core/form-problems';
import { translate } from '../core/messages';
import { PageRenderer } from '../core/page-renderer';
import { languageOf } from '../core/web-cookies';
import type { WebRequest } from '../core/web-request';
import { listField, textFields } from '../core/web-request';
import { actionFieldId, actionFieldLabelKey, actionForms, actionRequestFrom } from './action-forms';
import { IdParam } from '../../id-param';

/** A file as staff see it: answers, documents, timeline, and a small form for each action allowed now. */
@ApiExcludeController()
@Controller('staff/applications/:id')
@Authenticated({ roles: ['clerk', 'supervisor', 'admin'] })
export class StaffApplicationController {
  public constructor(
    private readonly reading: ApplicationReadingService,
    private readonly actions: ApplicationActionsService,
    private readonly catalogue: CatalogueService,
    private readonly agencies: AgencyRepository,
    private readonly users: UserRepository,
    private readonly clock: Clock,
    private readonly pages: PageRenderer,
  ) {}

  @Get()
  public async show(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    await this.render(user, await this.reading.get(user, id), request, response, null);
  }

  @Post('actions')
  public async act(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Body() body: unknown,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    const lang = languageOf(request);
    const posted = textFields(body);
    if (!(ACTIONS as readonly string[]).includes(posted.action ?? '')) {
      throw new BadRequestException('Choose one of the actions of the page');
    }
    const fields = actionRequestFrom(posted, listField(body, 'missingDocuments'));
    const action = fields.action;
    const checked = plainToInstance(ActionRequest, JSON.parse(JSON.stringify(fields)) as object);
    const problems: FieldProblem[] = (await validate(checked)).map((error) => ({
      field: error.property,
      problems: Object.values(error.constraints ?? {}),
    }));
    let failure: FormErrors | null = null;
    if (problems.length === 0) {
      try {
        await this.actions.perform({ kind: 'user', user }, id, checked);
        return response.redirect(HttpStatus.SEE_OTHER, `/staff/applications/${id}?notice=acted`);
      } catch (error) {
        if (!isFormError(error)) throw error;
        const details = fieldProblemsOf(error);
        if (details && details.length > 0) problems.push(...details);
        else failure = generalError(messageOf(error));
      }
    }
    const errors =
      failure ??
      formErrors(
        lang,
        problems,
        (field) => actionFieldId(action, field),
        (fieldId) => translate(lang, actionFieldLabelKey(fieldId.slice(action.length + 1))),
      );
    const application = await this.reading.get(user, id);
    await this.render(
      user,
      application,
      request,
      response,
      { action, errors, values: posted },
      HttpStatus.BAD_REQUEST,
    );
  }

  private async render(
    user: AuthenticatedUser,
    application: ApplicationDto,
    request: WebRequest,
    response: Response,
    failed: { action: Action; errors: FormErrors; values: Record<string, string> } | null,
    status = 200,
  ): Promise<void> {
    const lang = languageOf(request);
    const procedure = await this.catalogue.getProcedure(application.procedureCode);
    const now = this.clock.now();
    const allowed = application.allowedActions.filter((action) => action !== 'sign' || user.role === 'clerk');
    const agency = await this.agencies.findByCode(application.competentAgencyCode);
    const clerks =
      allowed.includes('assign') && agency
        ? (await this.users.search({ page: 1, pageSize: 100, role: 'clerk', agencyIds: [agency.id] })).items
            .filter((clerk) => clerk.active)
            .map((clerk) => ({
              id: clerk.id,
              name: clerk.fullName,
              selected: clerk.id === application.assigneeId,
            }))
        : [];
    await this.pages.render(
      request,
      response,
      'staff/application',
      {
        titleText: `${application.code ?? translate(lang, 'application.awaitingCode')} – ${application.procedureName[lang]}`,
        application: { ...application, ...urgencyOf(application, now.getTime()) },
        ...applicationFileView(application, procedure, lang),
        requiredDocuments: procedure.requiredDocuments.map((document) => document.name),
        forms: actionForms(allowed, failed, now),
        clerks,
        version: application.version,
        breadcrumbs: [
          { key: 'nav.queue', href: '/staff/queue' },
          { text: application.code ?? translate(lang, 'application.awaitingCode') },
        ],
      },
      status,
    );
  }
}
