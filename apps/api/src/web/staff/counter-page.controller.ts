import { Body, Controller, Get, HttpStatus, Post, Query, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

import { Authenticated, CurrentUser } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import { CounterRegistrationService, MAX_UPLOAD_BYTES } from '@onegate/applications';
import { AgencyRepository } from '@onegate/persistence';

import type { ProcedureDto } from '../../catalogue/catalogue.dto';
import { CatalogueService } from '../../catalogue/catalogue.service';
import { answerForm, attempt } from '../core/form-outcome';
import type { FormErrors } from '../core/form-problems';
import { PageRenderer } from '../core/page-renderer';
import { languageOf } from '../core/web-cookies';
import type { WebRequest } from '../core/web-request';
import { firstText, textFields } from '../core/web-request';
import { uploadProblems } from '../core/upload-problems';
import type { UploadProblem } from '../../uploads/streamed-uploads';
import { StreamedUploads } from '../../uploads/streamed-uploads';
import {
  counterErrors,
  counterRegistration,
  counterScans,
  counterView,
  scanField,
} from './counter-page.view';

/** One scan per document of the procedure, each at most the largest upload (docs/applications.md). */
const SCANS = { files: 10, fileBytes: MAX_UPLOAD_BYTES + 1, fields: 200, fieldBytes: 64 * 1024 };

/** A paper file handed in at the desk: the clerk registers it (register_counter) on the citizen's behalf. */
@ApiExcludeController()
@Controller('staff/counter')
@Authenticated({ roles: ['clerk'] })
export class CounterPageController {
  public constructor(
    private readonly counter: CounterRegistrationService,
    private readonly catalogue: CatalogueService,
    private readonly agencies: AgencyRepository,
    private readonly pages: PageRenderer,
  ) {}

  @Get()
  public async form(
    @CurrentUser() user: AuthenticatedUser,
    @Query('procedure') procedureText: unknown,
    @Req() request: WebRequest,
    @Res() response: Response,
  ) {
    const code = firstText(procedureText);
    const procedure = code ? await this.catalogue.getProcedure(code).catch(() => null) : null;
    await this.render(user, request, response, procedure, {}, null);
  }

  @Post()
  @UseInterceptors(StreamedUploads({ ...SCANS, limitsAsFormProblem: true }))
  public async register(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: unknown,
    @Req() request: WebRequest & UploadProblem & { files?: Express.Multer.File[] },
    @Res() response: Response,
  ): Promise<void> {
    const posted = textFields(body);
    const procedure = await this.catalogue.getProcedure(posted.procedureCode ?? '').catch(() => null);
    if (!procedure) return response.redirect(HttpStatus.SEE_OTHER, '/staff/counter');
    const outcome = await attempt(
      async () => {
        const registration = counterRegistration(procedure, posted);
        const scans = counterScans(procedure, request.files ?? []);
        const application = await this.counter.registerCounter(user, registration, scans);
        return `/staff/applications/${application.id}?notice=registered`;
      },
      { problems: uploadProblems(request, 'scans', (part) => scanField(procedure, part)) },
    );
    await answerForm(response, outcome, (failure) => {
      const errors = counterErrors(languageOf(request), procedure, failure.problems);
      return this.render(user, request, response, procedure, posted, errors, failure.status);
    });
  }

  private async render(
    user: AuthenticatedUser,
    request: WebRequest,
    response: Response,
    procedure: ProcedureDto | null,
    posted: Record<string, string>,
    errors: FormErrors | null,
    status = 200,
  ): Promise<void> {
    const procedures = (await this.catalogue.searchProcedures({ page: 1, pageSize: 100 })).items;
    const desk = user.agencyId ? await this.agencies.findById(user.agencyId) : null;
    const view = counterView(languageOf(request), procedure, procedures, desk?.code ?? null, posted, errors);
    await this.pages.render(request, response, 'staff/counter', view, status);
  }
}
