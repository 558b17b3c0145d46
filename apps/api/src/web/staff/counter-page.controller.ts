import { Body, Controller, Get, HttpStatus, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

import { Authenticated, CurrentUser } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import { CounterRegistrationService } from '@onegate/applications';

import type { ProcedureDto } from '../../catalogue/catalogue.dto';
import { CatalogueService } from '../../catalogue/catalogue.service';
import { fieldViews, formFieldOf, parseFormFields } from '../core/form-fields';
import { fieldProblemsOf, formErrors, generalError, isFormError, messageOf } from '../core/form-problems';
import type { FormErrors } from '../core/form-problems';
import { translate } from '../core/messages';
import { PageRenderer } from '../core/page-renderer';
import { languageOf } from '../core/web-cookies';
import type { WebRequest } from '../core/web-request';
import { firstText, textFields } from '../core/web-request';

const APPLICANT_FIELDS = ['nationalId', 'fullName', 'email'] as const;

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
    const applicant = {
      nationalId: (posted.applicantNationalId ?? '').replace(/\s/g, ''),
      fullName: (posted.applicantFullName ?? '').trim(),
      email: (posted.applicantEmail ?? '').trim() || undefined,
    };
    try {
      const application = await this.counter.registerCounter(user, {
        procedureCode: procedure.code,
        applicant,
        formData: parseFormFields(procedure.formSchema, posted),
        note: (posted.note ?? '').trim().slice(0, 2000) || undefined,
      });
      return response.redirect(
        HttpStatus.SEE_OTHER,
        `/staff/applications/${application.id}?notice=registered`,
      );
    } catch (error) {
      if (!isFormError(error)) throw error;
      const lang = languageOf(request);
      const problems = fieldProblemsOf(error);
      const labels = new Map(procedure.formSchema.map((field) => [`field-${field.name}`, field.label[lang]]));
      const errors = problems
        ? formErrors(
            lang,
            problems,
            (path) => formFieldOf(path) ?? applicantFieldOf(path),
            (id) => labels.get(id) ?? translate(lang, `counter.${id}`),
          )
        : generalError(messageOf(error));
      await this.render(request, response, procedure, posted, errors, HttpStatus.BAD_REQUEST);
    }
  }

  private async render(
    request: WebRequest,
    response: Response,
    procedure: ProcedureDto | null,
    posted: Record<string, string>,
    errors: FormErrors | null,
    status = 200,
  ): Promise<void> {
    const lang = languageOf(request);
    const procedures = (await this.catalogue.searchProcedures({ page: 1, pageSize: 100 })).items;
    await this.pages.render(
      request,
      response,
      'staff/counter',
      {
        titleKey: 'counter.title',
        procedure,
        procedures: procedures.map((item) => ({ ...item, selected: item.code === procedure?.code })),
        fields: procedure ? fieldViews(procedure.formSchema, posted, errors?.byField ?? {}, lang) : [],
        values: posted,
        errors,
      },
      status,
    );
  }
}

function applicantFieldOf(path: string): string | null {
  const match = /^applicant\.(\w+)$/.exec(path);
  const name = match?.[1] as (typeof APPLICANT_FIELDS)[number] | undefined;
  return name && APPLICANT_FIELDS.includes(name) ? `applicant${name[0].toUpperCase()}${name.slice(1)}` : null;
}
