import { Body, Controller, Get, HttpStatus, Post, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

import { Authenticated, BodyAfter, CurrentUser } from '@onegate/access';
import {
  ApplicantOfApplication,
  ApplicationActionsService,
  ApplicationIntakeService,
  ApplicationReadingService,
  AttachmentService,
  MAX_UPLOAD_BYTES,
} from '@onegate/applications';
import type { AuthenticatedUser } from '@onegate/access';
import type { ApplicationDto } from '@onegate/applications';
import { AppConfig } from '@onegate/config';
import type { Language } from '@onegate/domain';

import type { ProcedureDto } from '../../catalogue/catalogue.dto';
import { CatalogueService } from '../../catalogue/catalogue.service';
import { documentsOf, lastSupplementRequest } from '../core/application-view';
import { fieldViews, formFieldOf, parseFormFields } from '../core/form-fields';
import { fieldProblemsOf, formErrors, generalError, isFormError, messageOf } from '../core/form-problems';
import type { FieldProblem, FormErrors } from '../core/form-problems';
import { translate } from '../core/messages';
import { PageRenderer } from '../core/page-renderer';
import { languageOf } from '../core/web-cookies';
import type { WebRequest } from '../core/web-request';
import { textFields } from '../core/web-request';
import { IdParam } from '../../id-param';
import type { UploadProblem } from '../../uploads/streamed-uploads';
import { StreamedUploads } from '../../uploads/streamed-uploads';

const EDITABLE = ['draft', 'supplement_requested'];
/** At most this many documents in one form post. */
const MAX_FILES = 10;
type Intent = 'save' | 'submit' | 'supplement';

/**
 * The application form, generated from the procedure's schema, with an upload for each document it
 * asks for. One post saves the answers (drafts are kept on the server), stores the files, and then
 * submits, or answers a supplement request, when asked to.
 */
@ApiExcludeController()
@Controller('my/applications/:id/edit')
@Authenticated({ roles: ['citizen'] })
export class ApplicationFormController {
  public constructor(
    private readonly intake: ApplicationIntakeService,
    private readonly actions: ApplicationActionsService,
    private readonly reading: ApplicationReadingService,
    private readonly attachments: AttachmentService,
    private readonly catalogue: CatalogueService,
    private readonly pages: PageRenderer,
    private readonly config: AppConfig,
  ) {}

  @Get()
  public async edit(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    const application = await this.reading.get(user, id);
    if (!EDITABLE.includes(application.state)) {
      return response.redirect(HttpStatus.SEE_OTHER, `/my/applications/${id}`);
    }
    await this.render(request, response, application, application.formData, null);
  }

  @Post()
  @BodyAfter(ApplicantOfApplication)
  @UseInterceptors(
    StreamedUploads({
      files: MAX_FILES,
      fileBytes: MAX_UPLOAD_BYTES + 1,
      fields: 200,
      fieldBytes: 64 * 1024,
      limitsAsFormProblem: true,
    }),
  )
  public async save(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Body() body: unknown,
    @Req() request: WebRequest & UploadProblem & { files?: Express.Multer.File[] },
    @Res() response: Response,
  ): Promise<void> {
    const lang = languageOf(request);
    const before = await this.reading.get(user, id);
    if (!EDITABLE.includes(before.state)) {
      return response.redirect(HttpStatus.SEE_OTHER, `/my/applications/${id}`);
    }
    const procedure = await this.catalogue.getProcedure(before.procedureCode);
    const posted = textFields(body);
    const intent: Intent =
      posted.intent === 'submit' || posted.intent === 'supplement' ? posted.intent : 'save';
    const formData = parseFormFields(procedure.formSchema, posted);
    const problems: FieldProblem[] = [];
    if (request.uploadProblem) {
      problems.push({ field: 'documents', problems: [translate(lang, `problems.${request.uploadProblem}`)] });
    }
    problems.push(...(await this.storeDocuments(user, id, procedure, request.files ?? [])));
    const saveError = await this.intake
      .updateForm(user, id, { formData })
      .then(() => null)
      .catch((error: unknown) => {
        if (!isFormError(error)) throw error;
        return error;
      });
    if (saveError)
      problems.push(...(fieldProblemsOf(saveError) ?? [{ field: 'form', problems: [messageOf(saveError)] }]));
    if (problems.length === 0 && intent !== 'save') {
      const action = intent === 'submit' && before.state === 'draft' ? 'submit' : 'supplement';
      try {
        await this.actions.perform({ kind: 'user', user }, id, { action });
        const notice = action === 'submit' ? 'submitted' : 'supplemented';
        return response.redirect(HttpStatus.SEE_OTHER, `/my/applications/${id}?notice=${notice}`);
      } catch (error) {
        if (!isFormError(error)) throw error;
        problems.push(...(fieldProblemsOf(error) ?? [{ field: 'form', problems: [messageOf(error)] }]));
      }
    }
    if (problems.length === 0) {
      return response.redirect(HttpStatus.SEE_OTHER, `/my/applications/${id}/edit?notice=saved`);
    }
    const application = await this.reading.get(user, id);
    const errors = this.errorsFor(lang, procedure, problems);
    await this.render(request, response, application, formData, errors, HttpStatus.UNPROCESSABLE_ENTITY);
  }

  /** Stores each uploaded file under the document its input stands for; a refused file is a field error. */
  private async storeDocuments(
    user: AuthenticatedUser,
    id: string,
    procedure: ProcedureDto,
    files: Express.Multer.File[],
  ): Promise<FieldProblem[]> {
    const problems: FieldProblem[] = [];
    for (const file of files) {
      const index = /^document-(\d+)$/.exec(file.fieldname)?.[1];
      const document = index === undefined ? undefined : procedure.requiredDocuments[Number(index)];
      if (!document || file.size === 0) continue;
      await this.attachments
        .upload(user, id, {
          originalName: Buffer.from(file.originalname, 'latin1').toString('utf8'),
          path: file.path,
          sizeBytes: file.size,
          documentName: document.name,
        })
        .catch((error: unknown) => {
          if (!isFormError(error)) throw error;
          const details = fieldProblemsOf(error) ?? [{ field: 'file', problems: [messageOf(error)] }];
          problems.push(
            ...details.map((detail) => ({
              field: `attachments.${document.name}`,
              problems: detail.problems,
            })),
          );
        });
    }
    return problems;
  }

  private errorsFor(lang: Language, procedure: ProcedureDto, problems: FieldProblem[]): FormErrors {
    const documentIds = new Map(
      procedure.requiredDocuments.map((document, index) => [document.name, `document-${index}`]),
    );
    const labels = new Map<string, string>([
      ...procedure.formSchema.map(
        (field) => [`field-${field.name}`, field.label[lang] || field.label.vi] as const,
      ),
      ...procedure.requiredDocuments.map((document, index) => [`document-${index}`, document.name] as const),
    ]);
    const fieldOf = (path: string) =>
      formFieldOf(path) ??
      (path.startsWith('attachments.') ? (documentIds.get(path.slice(12)) ?? null) : null);
    const labelOf = (id: string) => labels.get(id) ?? translate(lang, 'applicationForm.documents');
    if (problems.length === 1 && problems[0].field === 'form') return generalError(problems[0].problems[0]);
    return formErrors(lang, problems, fieldOf, labelOf);
  }

  private async render(
    request: WebRequest,
    response: Response,
    application: ApplicationDto,
    values: Record<string, unknown>,
    errors: FormErrors | null,
    status = 200,
  ): Promise<void> {
    const lang = languageOf(request);
    const procedure = await this.catalogue.getProcedure(application.procedureCode);
    const documents = documentsOf(application.id, application.attachments, procedure.requiredDocuments).map(
      (document) => ({ ...document, error: errors?.byField[document.id] ?? null }),
    );
    const supplement = application.state === 'supplement_requested';
    await this.pages.render(
      request,
      response,
      'citizen/application-form',
      {
        titleText: `${translate(lang, supplement ? 'applicationForm.supplementTitle' : 'applicationForm.title')} – ${application.procedureName[lang]}`,
        application,
        procedure,
        fields: fieldViews(procedure.formSchema, values, errors?.byField ?? {}, lang),
        documents,
        errors,
        supplement,
        supplementRequest: supplement ? lastSupplementRequest(application.events) : null,
        draftRetentionDays: this.config.storageLimits.draftRetentionDays,
        breadcrumbs: [
          { key: 'nav.myApplications', href: '/my/applications' },
          {
            text: application.code ?? translate(lang, 'application.draft'),
            href: `/my/applications/${application.id}`,
          },
        ],
      },
      status,
    );
  }
}
