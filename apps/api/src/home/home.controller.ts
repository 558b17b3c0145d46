import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import Handlebars from 'handlebars';

import { Public } from '@onegate/access';

import { CatalogueService } from '../catalogue/catalogue.service';
import { HOME_TEMPLATE } from './home.template';

const renderHome = Handlebars.compile(HOME_TEMPLATE);

/** A plain landing page listing the catalogue; the full portal replaces it. */
@ApiExcludeController()
@Controller()
@Public()
export class HomeController {
  public constructor(private readonly catalogue: CatalogueService) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  public async home(): Promise<string> {
    const procedures = await this.catalogue.searchProcedures({ page: 1, pageSize: 100 });
    return renderHome({ procedures: procedures.items });
  }
}
