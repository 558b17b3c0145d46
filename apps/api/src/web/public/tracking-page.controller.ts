import { Body, Controller, Get, HttpStatus, NotFoundException, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

import { Public } from '@onegate/access';
import { ApplicationReadingService } from '@onegate/applications';
import type { TrackingDto } from '@onegate/applications';
import { isValidNationalId } from '@onegate/domain';

import { languageOf } from '../core/web-cookies';
import { translate } from '../core/messages';
import { PageRenderer } from '../core/page-renderer';
import { PublicFormPost } from '../core/public-form.guard';
import type { WebRequest } from '../core/web-request';
import { textFields } from '../core/web-request';

/**
 * Anyone with a receipt code and the applicant's national ID number can follow that file. The number
 * travels only in a form post (docs/portal.md), never in a URL, where history and logs would keep it.
 */
@ApiExcludeController()
@Controller('track')
@Public()
export class TrackingPageController {
  public constructor(
    private readonly reading: ApplicationReadingService,
    private readonly pages: PageRenderer,
  ) {}

  /** The empty form. An old link with the code and number in its query looks nothing up and is sent here bare. */
  @Get()
  public async form(@Req() request: WebRequest, @Res() response: Response): Promise<void> {
    if (request.originalUrl.includes('?')) return response.redirect(HttpStatus.SEE_OTHER, '/track');
    await this.render(request, response, { values: { code: '', nationalId: '' } });
  }

  @PublicFormPost()
  public async track(@Body() body: unknown, @Req() request: WebRequest, @Res() response: Response) {
    const fields = textFields(body);
    const code = (fields.code ?? '').trim().toUpperCase().slice(0, 40);
    const nationalId = (fields.nationalId ?? '').replace(/\s/g, '').slice(0, 20);
    const lang = languageOf(request);
    const errors: Record<string, string> = {};
    if (!code) errors.code = translate(lang, 'problems.required');
    if (!isValidNationalId(nationalId)) errors.nationalId = translate(lang, 'problems.nationalId');
    const summary = Object.entries(errors).map(([field, text]) => ({
      href: `#${field}`,
      text: `${translate(lang, `track.${field}`)}: ${text}`,
    }));
    const values = { code, nationalId };
    if (summary.length > 0) {
      return this.render(request, response, { values, errors: { byField: errors, summary } }, 400);
    }
    const found: TrackingDto | null = await this.reading.track(code, nationalId).catch((error: unknown) => {
      if (error instanceof NotFoundException) return null;
      throw error;
    });
    const status = found ? HttpStatus.OK : HttpStatus.NOT_FOUND;
    await this.render(request, response, { values, found, notFound: found === null }, status);
  }

  private render(request: WebRequest, response: Response, data: object, status = 200) {
    return this.pages.render(request, response, 'public/track', { titleKey: 'track.title', ...data }, status);
  }
}
