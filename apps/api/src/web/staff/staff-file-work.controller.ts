import { Body, Controller, Get, Post, Req, Res, StreamableFile, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

import { Authenticated, BodyAfter, CurrentUser } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import {
  ApplicationOfCaller,
  DocumentReviewService,
  DraftedResultService,
  MAX_UPLOAD_BYTES,
} from '@onegate/applications';

import { answerForm, attempt, errorsOf } from '../core/form-outcome';
import type { FieldProblem, FormErrors } from '../core/form-problems';
import { translate } from '../core/messages';
import { uploadProblems } from '../core/upload-problems';
import { languageOf } from '../core/web-cookies';
import type { WebRequest } from '../core/web-request';
import { textFields } from '../core/web-request';
import { IdParam } from '../../id-param';
import type { UploadProblem } from '../../uploads/streamed-uploads';
import { StreamedUploads } from '../../uploads/streamed-uploads';
import { StaffFilePage } from './staff-file.page';

const DRAFTED_RESULT_UPLOAD = {
  field: 'file',
  files: 1,
  fileBytes: MAX_UPLOAD_BYTES,
  fields: 1,
  fieldBytes: 256,
  limitsAsFormProblem: true,
};

/** A refused review or result upload, its problems on the form's own inputs (`<form>-<field>`). */
function pageErrors(request: WebRequest, problems: FieldProblem[], form: string): FormErrors {
  const language = languageOf(request);
  return errorsOf(
    language,
    problems,
    // A document that is not the file's has no input of its own: the checklist stands for it.
    (path) => (path === 'documentName' ? 'checklist' : `${form}-${path}`),
    (id) => translate(language, `fileChecklist.field.${id}`),
  );
}

/** The clerk's work on a file's documents: reviews of each document, and the agency's own result. */
@ApiExcludeController()
@Controller('staff/applications/:id')
@Authenticated({ roles: ['clerk', 'supervisor', 'admin'] })
export class StaffFileWorkController {
  public constructor(
    private readonly reviews: DocumentReviewService,
    private readonly drafts: DraftedResultService,
    private readonly page: StaffFilePage,
  ) {}

  /** A clerk's decision on one document: accepted or rejected, with a note (docs/documents.md). */
  @Post('reviews')
  @BodyAfter(ApplicationOfCaller)
  public async review(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Body() body: unknown,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    const posted = textFields(body);
    const outcome = await attempt(
      async () => {
        await this.reviews.review(user, id, posted);
        return `/staff/applications/${id}?notice=documentReviewed#checklist`;
      },
      { status: 'refusal' },
    );
    await answerForm(response, outcome, async (failure) => {
      const form = { reviewErrors: pageErrors(request, failure.problems, 'review'), reviewValues: posted };
      await this.page.render(user, id, request, response, { status: failure.status, form });
    });
  }

  /** The agency's own result as uploaded, opened in the browser (staff only: it is not signed yet). */
  @Get('result/draft')
  public async draftedResult(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
  ): Promise<StreamableFile> {
    return this.drafts.open(user, id);
  }

  /** The agency's own result, a PDF the clerk wrote, to be signed in place of the generated one. */
  @Post('result')
  @BodyAfter(ApplicationOfCaller)
  @UseInterceptors(StreamedUploads(DRAFTED_RESULT_UPLOAD))
  public async uploadResult(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Req() request: WebRequest & UploadProblem & { file?: Express.Multer.File },
    @Res() response: Response,
  ): Promise<void> {
    const outcome = await attempt(
      async () => {
        const file = request.file;
        const upload = file && { originalName: file.originalname, path: file.path, sizeBytes: file.size };
        await this.drafts.upload(user, id, upload);
        return `/staff/applications/${id}?notice=resultUploaded#drafted-result`;
      },
      { problems: uploadProblems(request, 'file'), status: 'refusal' },
    );
    await answerForm(response, outcome, async (failure) => {
      const form = { resultErrors: pageErrors(request, failure.problems, 'result') };
      await this.page.render(user, id, request, response, { status: failure.status, form });
    });
  }
}
