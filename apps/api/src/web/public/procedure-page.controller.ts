import { Controller, Get, NotFoundException, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

import { Public } from '@onegate/access';
import { AgencyRepository } from '@onegate/persistence';

import { CatalogueService } from '../../catalogue/catalogue.service';
import { agencyNamesOf, processView } from '../core/process-view';
import { languageOf } from '../core/web-cookies';
import { PageRenderer } from '../core/page-renderer';
import type { WebRequest } from '../core/web-request';

/** One procedure: what to bring, what it costs, how long it takes, who decides, and how to apply. */
@ApiExcludeController()
@Controller('procedures')
@Public()
export class ProcedurePageController {
  public constructor(
    private readonly catalogue: CatalogueService,
    private readonly agencies: AgencyRepository,
    private readonly pages: PageRenderer,
  ) {}

  @Get(':code')
  public async show(@Param('code') code: string, @Req() request: WebRequest, @Res() response: Response) {
    const procedure = await this.catalogue.getProcedure(code).catch(() => {
      throw new NotFoundException('No such procedure');
    });
    const agency = await this.agencies.findByCode(procedure.agencyCode);
    const lang = languageOf(request);
    await this.pages.render(request, response, 'public/procedure', {
      process: processView(lang, procedure, await agencyNamesOf(this.agencies, procedure)),
      titleText: lang === 'vi' ? procedure.nameVi : procedure.nameEn,
      procedure,
      agency,
      canApplyOnline: procedure.onlineLevel !== 'offline' && !procedure.retired,
      isCitizen: request.user?.role === 'citizen',
      breadcrumbs: [
        { key: 'nav.procedures', href: '/' },
        { text: lang === 'vi' ? procedure.nameVi : procedure.nameEn },
      ],
    });
  }
}
