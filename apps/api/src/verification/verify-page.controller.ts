import { createReadStream } from 'node:fs';

import {
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Response } from 'express';

import { Public } from '@onegate/access';
import { ResultVerificationService } from '@onegate/documents';
import type { Language } from '@onegate/domain';

import { StreamedUploads } from '../uploads/streamed-uploads';
import type { UploadProblem } from '../uploads/streamed-uploads';
import { formErrors } from '../web/core/form-problems';
import type { FieldProblem } from '../web/core/form-problems';
import { translate } from '../web/core/messages';
import { PageRenderer } from '../web/core/page-renderer';
import { PublicFormGuard } from '../web/core/public-form.guard';
import { uploadProblems } from '../web/core/upload-problems';
import { languageOf } from '../web/core/web-cookies';
import type { WebRequest } from '../web/core/web-request';
import { firstText } from '../web/core/web-request';
import { MAX_CHECKED_BYTES } from './verify.controller';

/** What the page concludes: `issued` and `unknown` for a code, `genuine` and `altered` for a file. */
interface Verdict {
  kind: 'issued' | 'unknown' | 'genuine' | 'altered';
  trusted: boolean;
  code: string | null;
  signer: string | null;
  signedAt: string | null;
  sha256: string | null;
  fileName?: string;
}

/** The form's file part and its one text field, the CSRF token that comes first. */
const PAGE_UPLOAD = { field: 'file', files: 1, fileBytes: MAX_CHECKED_BYTES, fields: 1, fieldBytes: 256 };
/** Receipt codes are short; anything longer is no code, and is not echoed back whole. */
const MAX_CODE_LENGTH = 40;
const MAX_FILE_NAME_LENGTH = 120;

/**
 * The verification pages for people (docs/documents.md, "Verification"): the page behind a result's
 * QR code, and /verify, where anyone checks a code or the PDF they hold; the same facts as the
 * JSON routes under /api/verify, told as a verdict and what it means.
 */
@ApiExcludeController()
@Controller('verify')
@Public()
@UseGuards(ThrottlerGuard)
export class VerifyPageController {
  public constructor(
    private readonly verification: ResultVerificationService,
    private readonly pages: PageRenderer,
  ) {}

  /** The two forms; the code form sends its code here, and is sent on to the code's own page. */
  @Get()
  public async start(
    @Query('code') codeText: unknown,
    @Req() request: WebRequest,
    @Res() response: Response,
  ) {
    if (codeText === undefined) return this.render(request, response, {});
    const code = normalCode(firstText(codeText) ?? '');
    if (code) return response.redirect(HttpStatus.SEE_OTHER, `/verify/${encodeURIComponent(code)}`);
    const problems = [{ field: 'code', problems: [translate(languageOf(request), 'problems.required')] }];
    return this.render(request, response, { errors: this.errors(request, problems) }, HttpStatus.BAD_REQUEST);
  }

  @Get(':code')
  public async byCode(
    @Param('code') codeText: string,
    @Req() request: WebRequest,
    @Res() response: Response,
  ) {
    const facts = await this.verification.byCode(normalCode(codeText));
    const verdict: Verdict = { kind: facts.exists ? 'issued' : 'unknown', trusted: facts.exists, ...facts };
    await this.render(request, response, { verdict });
  }

  /** Like POST /api/verify, for a browser: the file is hashed, compared, and removed once answered. */
  @Post()
  @HttpCode(HttpStatus.OK)
  @UseGuards(PublicFormGuard)
  @UseInterceptors(StreamedUploads({ ...PAGE_UPLOAD, limitsAsFormProblem: true }))
  public async byContent(
    @Req() request: WebRequest & UploadProblem & { file?: Express.Multer.File },
    @Res() response: Response,
  ) {
    const file = request.file;
    const problems: FieldProblem[] = uploadProblems(request, 'file');
    if (problems.length === 0 && (!file || file.size === 0)) {
      problems.push({ field: 'file', problems: [translate(languageOf(request), 'problems.fileMissing')] });
    }
    if (problems.length > 0 || !file) {
      return this.render(
        request,
        response,
        { errors: this.errors(request, problems) },
        HttpStatus.BAD_REQUEST,
      );
    }
    const facts = await this.verification.byContent(createReadStream(file.path));
    const verdict: Verdict = {
      kind: facts.genuine ? 'genuine' : 'altered',
      trusted: facts.genuine,
      ...facts,
      // Multer reads the part's file name as Latin-1; browsers send UTF-8.
      fileName: Buffer.from(file.originalname, 'latin1').toString('utf8').slice(0, MAX_FILE_NAME_LENGTH),
    };
    await this.render(request, response, { verdict });
  }

  private errors(request: WebRequest, problems: FieldProblem[]) {
    const lang: Language = languageOf(request);
    return formErrors(
      lang,
      problems,
      (field) => field,
      (id) => translate(lang, `verify.${id}`),
    );
  }

  private render(request: WebRequest, response: Response, data: object, status = HttpStatus.OK) {
    const maxMegabytes = MAX_CHECKED_BYTES / 1024 / 1024;
    return this.pages.render(
      request,
      response,
      'public/verify',
      { titleKey: 'verify.title', maxMegabytes, ...data },
      status,
    );
  }
}

const normalCode = (text: string) => text.trim().toUpperCase().slice(0, MAX_CODE_LENGTH);
