import { Controller, Get, HttpStatus, NotFoundException, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Response } from 'express';

import { Public } from '@onegate/access';
import { ApplicationReadingService } from '@onegate/applications';
import type { TrackingDto } from '@onegate/applications';
import { isValidNationalId } from '@onegate/domain';

import { languageOf } from '../core/web-cookies';
import { translate } from '../core/messages';
import { PageRenderer } from '../core/page-renderer';
import type { WebRequest } from '../core/web-request';
import { textFields } from '../core/web-request';

/** Anyone with a receipt code and the applicant's national ID number can follow that file. */
@ApiExcludeController()
@Controller('track')
@Public()
export class TrackingPageController {
  public constructor(
    private readonly reading: ApplicationReadingService,
    private readonly pages: PageRenderer,
  ) {}

  @Get()
  @UseGuards(ThrottlerGuard)
  public async track(
    @Query('code') codeText: unknown,
    @Query('nationalId') nationalIdText: unknown,
    @Req() request: WebRequest,
    @Res() response: Response,
  ) {
    const fields = textFields({ code: codeText, nationalId: nationalIdText });
    const code = (fields.code ?? '').trim().toUpperCase().slice(0, 40);
    const nationalId = (fields.nationalId ?? '').replace(/\s/g, '').slice(0, 20);
    const lang = languageOf(request);
    const errors: Record<string, string> = {};
    let found: TrackingDto | null = null;
    let notFound = false;
    if (code || nationalId) {
      if (!code) errors.code = translate(lang, 'problems.required');
      if (!isValidNationalId(nationalId)) errors.nationalId = translate(lang, 'problems.nationalId');
      if (Object.keys(errors).length === 0) {
        found = await this.reading.track(code, nationalId).catch((error: unknown) => {
          if (error instanceof NotFoundException) return null;
          throw error;
        });
        notFound = found === null;
      }
    }
    const summary = Object.entries(errors).map(([field, text]) => ({
      href: `#${field}`,
      text: `${translate(lang, `track.${field}`)}: ${text}`,
    }));
    await this.pages.render(
      request,
      response,
      'public/track',
      {
        titleKey: 'track.title',
        values: { code, nationalId },
        errors: { byField: errors, summary },
        found,
        notFound,
      },
      summary.length > 0 ? HttpStatus.BAD_REQUEST : notFound ? HttpStatus.NOT_FOUND : HttpStatus.OK,
    );
  }
}
