import { Body, Controller, Get, HttpStatus, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

import { Authenticated, CurrentUser } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import { CounterRegistrationService } from '@onegate/applications';

import type { ProcedureDto } from '../../catalogue/catalogue.dto';
import { CatalogueService } from '../../catalogue/catalogue.service';
import { answerForm, attempt } from '../core/form-outcome';
import type { FormErrors } from '../core/form-problems';
import { PageRenderer } from '../core/page-renderer';
import { languageOf } from '../core/web-cookies';
import type { WebRequest } from '../core/web-request';
import { firstText, textFields } from '../core/web-request';
import { counterErrors, counterRegistration, counterView } from './counter-page.view';

/** A paper file handed in at the desk: the clerk registers it (register_counter) on the citizen's behalf. */
@ApiExcludeController()
@Controller('staff/counter')
@Authenticated({ roles: ['clerk'] })
export class CounterPageController {
  public constructor(
    private readonly counter: CounterRegistrationService,
    private readonly catalogue: CatalogueService,
    private readonly pages: PageRenderer,
  ) {}

  @Get()
  public async form(
    @Query('procedure') procedureText: unknown,
    @Req() request: WebRequest,
    @Res() response: Response,
  ) {
    const code = firstText(procedureText);
    const procedure = code ? await this.catalogue.getProcedure(code).catch(() => null) : null;
    await this.render(request, response, procedure, {}, null);
  }

  @Post()
  public async register(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: unknown,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    const posted = textFields(body);
    const procedure = await this.catalogue.getProcedure(posted.procedureCode ?? '').catch(() => null);
    if (!procedure) return response.redirect(HttpStatus.SEE_OTHER, '/staff/counter');
    const outcome = await attempt(async () => {
      const application = await this.counter.registerCounter(user, counterRegistration(procedure, posted));
      return `/staff/applications/${application.id}?notice=registered`;
    });
    await answerForm(response, outcome, (failure) => {
      const errors = counterErrors(languageOf(request), procedure, failure.problems);
      return this.render(request, response, procedure, posted, errors, failure.status);
    });
  }

  private async render(
    request: WebRequest,
    response: Response,
    procedure: ProcedureDto | null,
    posted: Record<string, string>,
    errors: FormErrors | null,
    status = 200,
  ): Promise<void> {
    const procedures = (await this.catalogue.searchProcedures({ page: 1, pageSize: 100 })).items;
    const view = counterView(languageOf(request), procedure, procedures, posted, errors);
    await this.pages.render(request, response, 'staff/counter', view, status);
  }
}
