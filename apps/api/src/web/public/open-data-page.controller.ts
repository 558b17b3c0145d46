import { Controller, Get, HttpStatus, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Response } from 'express';

import { Public } from '@onegate/access';
import { AppConfig } from '@onegate/config';
import { ReportCatalogueRepository } from '@onegate/reporting';

import { OpenDataService } from '../../open-data/open-data.service';
import { PUBLISHED_FIGURES } from '../../open-data/published-figures';
import { readOrShowRefusal } from '../core/form-outcome';
import type { FieldProblem } from '../core/form-problems';
import { PageRenderer } from '../core/page-renderer';
import { languageOf } from '../core/web-cookies';
import type { WebRequest } from '../core/web-request';
import { textFields } from '../core/web-request';
import { choiceOf, monthProblems, openDataErrors, openDataView } from './open-data-page.view';

/**
 * The open data for people (docs/open-data.md): one agency's figures month by month, what each
 * figure means, and links to the same figures as JSON, CSV and XLSX. No sign-in, no script.
 */
@ApiExcludeController()
@Controller('open-data')
@Public()
@UseGuards(ThrottlerGuard)
export class OpenDataPageController {
  public constructor(
    private readonly openData: OpenDataService,
    private readonly catalogues: ReportCatalogueRepository,
    private readonly config: AppConfig,
    private readonly pages: PageRenderer,
  ) {}

  @Get()
  public async page(
    @Query('from') fromText: unknown,
    @Query('to') toText: unknown,
    @Query('agency') agencyText: unknown,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    const lang = languageOf(request);
    const agencies = this.openData.agencies(await this.catalogues.load(), undefined);
    const roots = agencies.filter((agency) => agency.parentId === null);
    const choice = choiceOf(
      textFields({ from: fromText, to: toText, agency: agencyText }),
      this.openData.currentMonth(),
      (roots[0] ?? agencies[0])?.code ?? '',
    );
    const frame = {
      titleKey: 'openData.title',
      choice,
      minFiles: this.config.openData.minFiles,
      meanings: PUBLISHED_FIGURES.filter((name) => name !== 'fullyOnline'),
      agencies: agencies.map((agency) => ({ ...agency, selected: agency.code === choice.agency })),
    };
    const showRefusal = (problems: FieldProblem[]) =>
      this.pages.render(
        request,
        response,
        'public/open-data',
        { ...frame, errors: openDataErrors(lang, problems) },
        HttpStatus.BAD_REQUEST,
      );
    const found = monthProblems(choice);
    if (found.length > 0) return showRefusal(found);
    const data = await readOrShowRefusal(
      this.openData.monthly({ from: choice.from, to: choice.to, agency: choice.agency }),
      showRefusal,
    );
    if (data === null) return;
    const chosen = agencies.find((agency) => agency.code === choice.agency);
    const view = { ...openDataView(lang, choice, data.lines), chosen };
    await this.pages.render(request, response, 'public/open-data', { ...frame, ...view });
  }
}
