import { Body, Controller, Get, HttpCode, HttpStatus, Post, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

import { Authenticated, BodyAfter, CurrentUser } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import {
  ApplicantOfApplication,
  ApplicationActionsService,
  ApplicationReadingService,
  DocumentStoreService,
  MAX_UPLOAD_BYTES,
} from '@onegate/applications';
import type { ApplicationDto } from '@onegate/applications';
import { AppConfig } from '@onegate/config';
import { invalidFields } from '@onegate/platform';

import { CatalogueService } from '../../catalogue/catalogue.service';
import { answerForm, attempt } from '../core/form-outcome';
import type { FormErrors } from '../core/form-problems';
import { PageRenderer } from '../core/page-renderer';
import { itemOfPart, supplementRequestOf } from '../core/supplement-view';
import { uploadProblems } from '../core/upload-problems';
import { languageOf } from '../core/web-cookies';
import type { WebRequest } from '../core/web-request';
import { textFields } from '../core/web-request';
import { IdParam } from '../../id-param';
import type { UploadProblem } from '../../uploads/streamed-uploads';
import { StreamedUploads } from '../../uploads/streamed-uploads';
import { ApplicationFormSaving } from './application-form.saving';
import {
  applicationFormErrors,
  applicationFormView,
  documentOfPart,
  isEditable,
} from './application-form.view';
import { DocumentUploadLimits } from './document-upload-limits';

/** At most this many documents in one form post. */
const MAX_FILES = 10;
const UPLOADS = { files: MAX_FILES, fileBytes: MAX_UPLOAD_BYTES + 1, fields: 200, fieldBytes: 64 * 1024 };

/**
 * The application form, generated from the procedure's schema, with an upload for each document it
 * asks for. One post saves the answers and the files, and then submits, or answers a supplement
 * request, when asked to; a form with problems is shown again with 422.
 */
@ApiExcludeController()
@Controller('my/applications/:id/edit')
@Authenticated({ roles: ['citizen'] })
export class ApplicationFormController {
  public constructor(
    private readonly saving: ApplicationFormSaving,
    private readonly actions: ApplicationActionsService,
    private readonly reading: ApplicationReadingService,
    private readonly catalogue: CatalogueService,
    private readonly pages: PageRenderer,
    private readonly config: AppConfig,
    private readonly store: DocumentStoreService,
  ) {}

  @Get()
  public async edit(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    const application = await this.reading.get(user, id);
    if (!isEditable(application)) return response.redirect(HttpStatus.SEE_OTHER, `/my/applications/${id}`);
    await this.render(request, response, application, application.formData, null);
  }

  @Post()
  @BodyAfter(ApplicantOfApplication)
  @UseInterceptors(
    StreamedUploads({ ...UPLOADS, partLimits: DocumentUploadLimits, limitsAsFormProblem: true }),
  )
  public async save(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Body() body: unknown,
    @Req() request: WebRequest & UploadProblem & { files?: Express.Multer.File[] },
    @Res() response: Response,
  ): Promise<void> {
    const before = await this.reading.get(user, id);
    if (!isEditable(before)) return response.redirect(HttpStatus.SEE_OTHER, `/my/applications/${id}`);
    const procedure = await this.catalogue.getProcedure(before.procedureCode);
    const posted = textFields(body);
    const supplementRequest =
      before.state === 'supplement_requested'
        ? supplementRequestOf(before, procedure.requiredDocuments)
        : null;
    const documentOf = (part: string) => {
      const name =
        itemOfPart(supplementRequest, part)?.name ?? documentOfPart(procedure.requiredDocuments, part)?.name;
      return name && `attachments.${name}`;
    };
    const form = {
      posted,
      files: request.files ?? [],
      problems: uploadProblems(request, 'documents', documentOf),
      supplementRequest,
    };
    const { formData, problems } = await this.saving.save(user, id, procedure, form);
    // A supplement left unanswered is refused with its own 400 naming the items (docs/portal.md).
    const answering = posted.intent === 'supplement' && problems.length === 0;
    const outcome = await attempt(
      async () => {
        if (posted.intent !== 'submit' && posted.intent !== 'supplement')
          return `/my/applications/${id}/edit?notice=saved`;
        const action = posted.intent === 'submit' && before.state === 'draft' ? 'submit' : 'supplement';
        // The draft is saved; the account page says why it waits and mails the link again on request.
        if (action === 'submit' && !user.emailVerified) return '/account?notice=verifyBeforeSubmit';
        await this.actions.perform({ kind: 'user', user }, id, { action });
        return `/my/applications/${id}?notice=${action === 'submit' ? 'submitted' : 'supplemented'}`;
      },
      { problems, status: answering ? 'refusal' : HttpStatus.UNPROCESSABLE_ENTITY },
    );
    await answerForm(response, outcome, async (failure) => {
      const after = await this.reading.get(user, id);
      const afterRequest =
        after.state === 'supplement_requested'
          ? supplementRequestOf(after, procedure.requiredDocuments)
          : null;
      const errors = applicationFormErrors(languageOf(request), procedure, failure.problems, afterRequest);
      await this.render(request, response, after, formData, errors, failure.status);
    });
  }

  /**
   * Autosave (docs/portal.md, "Drafts"): the page's script sends the answers typed so far as JSON, with
   * the CSRF token in its header, whenever one changes. Only a draft is saved this way; documents and
   * the final save or submission go through the form post, which works without script.
   */
  @Post('autosave')
  @HttpCode(HttpStatus.OK)
  @BodyAfter(ApplicantOfApplication)
  public async autosave(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Body() body: unknown,
  ): Promise<{ savedAt: string; version: number }> {
    const answers = autosavedAnswers(body);
    const saved = await this.saving.saveAnswers(user, id, answers);
    return { savedAt: saved.updatedAt.toISOString(), version: saved.version };
  }

  private async render(
    request: WebRequest,
    response: Response,
    application: ApplicationDto,
    values: Record<string, unknown>,
    errors: FormErrors | null,
    status = 200,
  ): Promise<void> {
    const procedure = await this.catalogue.getProcedure(application.procedureCode);
    const retention = this.config.storageLimits.draftRetentionDays;
    // A draft's documents may be given from the citizen's store instead of uploaded again.
    const store = application.state === 'draft' ? await this.store.list(request.user!) : [];
    const lang = languageOf(request);
    const view = applicationFormView(lang, application, procedure, values, errors, retention, store);
    await this.pages.render(request, response, 'citizen/application-form', view, status);
  }
}

/** The autosave's body: `{"answers": {"<field>": "<text as typed>"}}`; anything else is a 400 naming `answers`. */
function autosavedAnswers(body: unknown): Record<string, string> {
  const answers = (body as { answers?: unknown } | null)?.answers;
  const valid =
    typeof answers === 'object' &&
    answers !== null &&
    !Array.isArray(answers) &&
    Object.values(answers).every((value) => typeof value === 'string');
  if (!valid) throw invalidFields([{ field: 'answers', problems: ['must be an object of texts, as typed'] }]);
  return answers as Record<string, string>;
}
