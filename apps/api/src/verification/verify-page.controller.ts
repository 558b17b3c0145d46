import { Controller, Get, Header, Param, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import Handlebars from 'handlebars';

import { Public } from '@onegate/access';
import { ResultVerificationService } from '@onegate/documents';
import { DISPLAY_TIME_ZONE, formatLocal } from '@onegate/platform';

import { VERIFY_PAGE_TEMPLATE } from './verify-page.template';

const renderPage = Handlebars.compile(VERIFY_PAGE_TEMPLATE);
const SIGNED_AT_STYLE = { dateStyle: 'short', timeStyle: 'short' } as const;

/** The page behind a result's QR code: the same facts as GET /api/verify/:code, for people. */
@ApiExcludeController()
@Controller('verify')
@Public()
@UseGuards(ThrottlerGuard)
export class VerifyPageController {
  public constructor(private readonly verification: ResultVerificationService) {}

  @Get(':code')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  public async page(@Param('code') code: string): Promise<string> {
    const facts = await this.verification.byCode(code);
    return renderPage({
      ...facts,
      signedAtLocal: facts.signedAt
        ? formatLocal(new Date(facts.signedAt), 'vi-VN', DISPLAY_TIME_ZONE, SIGNED_AT_STYLE)
        : null,
    });
  }
}
