import {
  Body,
  Controller,
  Get,
  HttpStatus,
  NotFoundException,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

import { Authenticated, BodyAfter, ROLE_IS_ENOUGH } from '@onegate/access';
import { AgencyRepository } from '@onegate/persistence';

import { CreateProcedureRequest, UpdateProcedureRequest } from '../../catalogue/admin-procedures.dto';
import type { ProcedureDto } from '../../catalogue/catalogue.dto';
import { CatalogueService } from '../../catalogue/catalogue.service';
import { ProcedureAdminService } from '../../catalogue/procedure-admin.service';
import { answerForm, attempt } from '../core/form-outcome';
import type { FormErrors } from '../core/form-problems';
import { PageRenderer } from '../core/page-renderer';
import { languageOf } from '../core/web-cookies';
import type { WebRequest } from '../core/web-request';
import { textFields } from '../core/web-request';
import {
  applyStepCommand,
  readStepRows,
  STEP_COMMAND_FIELD,
  stepRowsOf,
  stepRowValues,
} from './procedure-steps.form';
import { checkProcedureForm, procedureValues } from './procedure.form';
import {
  newProcedureValues,
  procedureErrors,
  procedureFormView,
  procedureListView,
} from './procedures-page.view';

/** Administrators keep the catalogue: the procedures, with their documents and form schema as JSON. */
@ApiExcludeController()
@Controller('admin/procedures')
@Authenticated({ roles: ['admin'] })
export class ProceduresPageController {
  public constructor(
    private readonly catalogue: CatalogueService,
    private readonly procedures: ProcedureAdminService,
    private readonly agencies: AgencyRepository,
    private readonly pages: PageRenderer,
  ) {}

  @Get()
  public async list(@Query('q') q: unknown, @Req() request: WebRequest, @Res() response: Response) {
    const text = typeof q === 'string' ? q.trim().slice(0, 200) : '';
    const query = { q: text || undefined, page: 1, pageSize: 100, includeRetired: true };
    const result = await this.catalogue.searchProcedures(query);
    const view = procedureListView(text, result.items, languageOf(request));
    await this.pages.render(request, response, 'admin/procedures', view);
  }

  @Get('new')
  public async newForm(@Req() request: WebRequest, @Res() response: Response) {
    await this.renderForm(request, response, null, newProcedureValues(), null);
  }

  @Post()
  public async create(@Body() body: unknown, @Req() request: WebRequest, @Res() response: Response) {
    const posted = textFields(body);
    if (posted[STEP_COMMAND_FIELD])
      return this.renderForm(request, response, null, rowsChanged(posted), null);
    const { value, problems } = await checkProcedureForm(CreateProcedureRequest, posted, true);
    const outcome = await attempt(
      async () => `/admin/procedures/${(await this.procedures.create(value)).code}?notice=procedureSaved`,
      { problems },
    );
    await answerForm(response, outcome, (failure) =>
      this.renderForm(
        request,
        response,
        null,
        posted,
        procedureErrors(languageOf(request), failure.problems),
        failure.status,
      ),
    );
  }

  @Get(':code')
  public async edit(@Param('code') code: string, @Req() request: WebRequest, @Res() response: Response) {
    const procedure = await this.load(code);
    await this.renderForm(request, response, procedure, procedureValues(procedure), null);
  }

  @Post(':code')
  @BodyAfter(ROLE_IS_ENOUGH)
  public async update(
    @Param('code') code: string,
    @Body() body: unknown,
    @Req() request: WebRequest,
    @Res() response: Response,
  ) {
    const procedure = await this.load(code);
    // An older page posts no step rows: the process shown again is the one kept.
    const posted: Record<string, string> = {
      ...stepRowValues(stepRowsOf(procedure.steps)),
      ...textFields(body),
      code,
    };
    if (posted[STEP_COMMAND_FIELD]) {
      return this.renderForm(request, response, procedure, rowsChanged(posted), null);
    }
    const { value, problems } = await checkProcedureForm(UpdateProcedureRequest, textFields(body), false);
    const outcome = await attempt(
      async () => {
        await this.procedures.update(code, value);
        return `/admin/procedures/${code}?notice=procedureSaved`;
      },
      { problems },
    );
    await answerForm(response, outcome, (failure) => {
      const errors = procedureErrors(languageOf(request), failure.problems);
      return this.renderForm(request, response, procedure, posted, errors, failure.status);
    });
  }

  @Post(':code/retire')
  @BodyAfter(ROLE_IS_ENOUGH)
  public async retire(@Param('code') code: string, @Res() response: Response) {
    await this.procedures.retire(code);
    response.redirect(HttpStatus.SEE_OTHER, `/admin/procedures/${code}?notice=procedureRetired`);
  }

  private async load(code: string): Promise<ProcedureDto> {
    return this.catalogue.getProcedure(code).catch(() => {
      throw new NotFoundException('No such procedure');
    });
  }

  private async renderForm(
    request: WebRequest,
    response: Response,
    procedure: ProcedureDto | null,
    values: Record<string, string>,
    errors: FormErrors | null,
    status = 200,
  ) {
    const agencies = (await this.agencies.list({ page: 1, pageSize: 500 })).items;
    const view = procedureFormView(languageOf(request), procedure, values, errors, agencies);
    await this.pages.render(request, response, 'admin/procedure-form', view, status);
  }
}

/** A row button of the step editor pressed: the same form, its rows changed, nothing saved. */
function rowsChanged(posted: Record<string, string>): Record<string, string> {
  const rows = applyStepCommand(readStepRows(posted), posted[STEP_COMMAND_FIELD]);
  return { ...posted, ...stepRowValues(rows) };
}
