import { Controller, Get, HttpStatus, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

import { Public } from '@onegate/access';
import { AppConfig } from '@onegate/config';

import { isLanguage } from '../core/messages';
import { localPath, rememberLanguage } from '../core/web-cookies';

/** The language switch: remembered in a cookie, then back to the page the reader was on. */
@ApiExcludeController()
@Controller('language')
@Public()
export class LanguageController {
  public constructor(private readonly config: AppConfig) {}

  @Get(':language')
  public choose(
    @Param('language') language: string,
    @Query('next') next: unknown,
    @Res() response: Response,
  ): void {
    if (!isLanguage(language)) throw new NotFoundException('No such language');
    rememberLanguage(response, language, this.config.isProduction);
    response.redirect(HttpStatus.SEE_OTHER, localPath(next));
  }
}
