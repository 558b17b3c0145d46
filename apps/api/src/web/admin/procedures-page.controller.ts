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
import { DEFAULT_RETENTION_DAYS, NOTIFICATION_KINDS } from '@onegate/domain';
import type { Language } from '@onegate/domain';
import { AgencyRepository } from '@onegate/persistence';

import { CreateProcedureRequest, UpdateProcedureRequest } from '../../catalogue/admin-procedures.dto';
import type { ProcedureDto } from '../../catalogue/catalogue.dto';
import { CatalogueService } from '../../catalogue/catalogue.service';
import { ProcedureAdminService } from '../../catalogue/procedure-admin.service';
import { fieldProblemsOf, formErrors, generalError, isFormError, messageOf } from '../core/form-problems';
import type { FieldProblem, FormErrors } from '../core/form-problems';
import { translate } from '../core/messages';
import { PageRenderer } from '../core/page-renderer';
import { validateFields } from '../core/validate-fields';
import { languageOf } from '../core/web-cookies';
import type { WebRequest } from '../core/web-request';
import { textFields } from '../core/web-request';

const JSON_FIELDS = ['requiredDocuments', 'formSchema'] as const;
const FORM_FIELDS = [
  'code',
  'nameVi',
  'nameEn',
  'field',
  'agencyCode',
  'processingHours',
  'onlineLevel',
  'feeVnd',
  'supplementPolicy',
  'requiredDocuments',
  'formSchema',
  'resultTemplate',
  'retentionDays',
] as const;

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
    const result = await this.catalogue.searchProcedures({
      q: text || undefined,
      page: 1,
      pageSize: 100,
      includeRetired: true,
    });
    const previews = NOTIFICATION_KINDS.map((kind) => ({
      kind,
      href: `/admin/mail/preview/${kind}?lang=${languageOf(request)}`,
    }));
    await this.pages.render(request, response, 'admin/procedures', {
      titleKey: 'adminProcedures.title',
      q: text,
      procedures: result.items,
      previews,
    });
  }

  @Get('new')
  public async newForm(@Req() request: WebRequest, @Res() response: Response) {
    await this.renderForm(request, response, null, emptyValues(), null);
  }

  @Post()
  public async create(@Body() body: unknown, @Req() request: WebRequest, @Res() response: Response) {
    const posted = textFields(body);
    const { plain, problems } = readForm(posted, true);
    // A text area that is not JSON at all is the one thing to fix first.
    const checked = problems.length === 0 ? await validateFields(CreateProcedureRequest, plain) : null;
    problems.push(...(checked?.problems ?? []));
    if (checked && problems.length === 0) {
      try {
        const created = await this.procedures.create(checked.value);
        return response.redirect(
          HttpStatus.SEE_OTHER,
          `/admin/procedures/${created.code}?notice=procedureSaved`,
        );
      } catch (error) {
        if (!isFormError(error)) throw error;
        problems.push(...(fieldProblemsOf(error) ?? [{ field: 'form', problems: [messageOf(error)] }]));
      }
    }
    await this.renderForm(
      request,
      response,
      null,
      posted,
      this.errors(request, problems),
      HttpStatus.BAD_REQUEST,
    );
  }

  @Get(':code')
  public async edit(@Param('code') code: string, @Req() request: WebRequest, @Res() response: Response) {
    const procedure = await this.load(code);
    await this.renderForm(request, response, procedure, valuesOf(procedure), null);
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
    const posted = textFields(body);
    const { plain, problems } = readForm(posted, false);
    // A text area that is not JSON at all is the one thing to fix first.
    const checked = problems.length === 0 ? await validateFields(UpdateProcedureRequest, plain) : null;
    problems.push(...(checked?.problems ?? []));
    if (checked && problems.length === 0) {
      try {
        await this.procedures.update(code, checked.value);
        return response.redirect(HttpStatus.SEE_OTHER, `/admin/procedures/${code}?notice=procedureSaved`);
      } catch (error) {
        if (!isFormError(error)) throw error;
        problems.push(...(fieldProblemsOf(error) ?? [{ field: 'form', problems: [messageOf(error)] }]));
      }
    }
    const errors = this.errors(request, problems);
    await this.renderForm(request, response, procedure, { ...posted, code }, errors, HttpStatus.BAD_REQUEST);
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

  /** Nested problems (`formSchema.2.name`) are shown on their text area, with the path that is wrong. */
  private errors(request: WebRequest, problems: FieldProblem[]): FormErrors {
    const lang: Language = languageOf(request);
    if (problems.length === 1 && problems[0].field === 'form') return generalError(problems[0].problems[0]);
    const nested = problems.map((problem) => {
      const [head, ...rest] = problem.field.split('.');
      return rest.length > 0
        ? { field: head, problems: problem.problems.map((text) => `${rest.join('.')}: ${text}`) }
        : problem;
    });
    return formErrors(
      lang,
      nested,
      (field) => ((FORM_FIELDS as readonly string[]).includes(field) ? field : null),
      (id) => translate(lang, `adminProcedures.${id}`),
    );
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
    const lang = languageOf(request);
    await this.pages.render(
      request,
      response,
      'admin/procedure-form',
      {
        titleText: procedure
          ? `${procedure.code} – ${lang === 'vi' ? procedure.nameVi : procedure.nameEn}`
          : translate(lang, 'adminProcedures.new'),
        procedure,
        values,
        errors,
        agencies: agencies.map((agency) => ({
          code: agency.code,
          name: lang === 'vi' ? agency.nameVi : agency.nameEn,
          selected: agency.code === values.agencyCode,
        })),
        onlineLevels: ['full', 'partial', 'offline'].map((value) => ({
          value,
          selected: value === values.onlineLevel,
        })),
        policies: ['pause', 'restart'].map((value) => ({
          value,
          selected: value === values.supplementPolicy,
        })),
        breadcrumbs: [
          { key: 'nav.adminProcedures', href: '/admin/procedures' },
          { text: procedure?.code ?? translate(lang, 'adminProcedures.new') },
        ],
      },
      status,
    );
  }
}

function emptyValues(): Record<string, string> {
  return {
    requiredDocuments: '[]',
    formSchema: '[]',
    onlineLevel: 'full',
    supplementPolicy: 'pause',
    feeVnd: '0',
    retentionDays: String(DEFAULT_RETENTION_DAYS),
  };
}

function valuesOf(procedure: ProcedureDto): Record<string, string> {
  return {
    code: procedure.code,
    nameVi: procedure.nameVi,
    nameEn: procedure.nameEn,
    field: procedure.field,
    agencyCode: procedure.agencyCode,
    processingHours: String(procedure.processingHours),
    onlineLevel: procedure.onlineLevel,
    feeVnd: String(procedure.feeVnd),
    supplementPolicy: procedure.supplementPolicy,
    requiredDocuments: JSON.stringify(procedure.requiredDocuments, null, 2),
    formSchema: JSON.stringify(procedure.formSchema, null, 2),
    resultTemplate: procedure.resultTemplate ?? '',
    retentionDays: procedure.retentionDays === null ? '' : String(procedure.retentionDays),
  };
}

/** The posted text as a request body: numbers as numbers, the JSON areas parsed (or a problem each). */
function readForm(posted: Record<string, string>, withCode: boolean) {
  const problems: FieldProblem[] = [];
  const plain: Record<string, unknown> = {};
  for (const name of [
    'nameVi',
    'nameEn',
    'field',
    'agencyCode',
    'onlineLevel',
    'supplementPolicy',
  ] as const) {
    plain[name] = posted[name] ?? '';
  }
  if (withCode) plain.code = (posted.code ?? '').trim();
  for (const name of ['processingHours', 'feeVnd'] as const) {
    const text = (posted[name] ?? '').trim();
    plain[name] = /^-?\d+$/.test(text) ? Number(text) : text;
  }
  for (const name of JSON_FIELDS) {
    try {
      plain[name] = JSON.parse(posted[name] ?? '');
    } catch (error) {
      problems.push({ field: name, problems: [`not valid JSON: ${(error as Error).message}`] });
    }
  }
  const template = posted.resultTemplate ?? '';
  plain.resultTemplate = template.trim() === '' ? null : template;
  // An empty box keeps closed files forever.
  const retention = (posted.retentionDays ?? '').trim();
  plain.retentionDays = retention === '' ? null : /^-?\d+$/.test(retention) ? Number(retention) : retention;
  return { plain, problems };
}
