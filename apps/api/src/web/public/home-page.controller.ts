import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

import { Public } from '@onegate/access';

import { CatalogueService } from '../../catalogue/catalogue.service';
import { PageRenderer } from '../core/page-renderer';
import type { WebRequest } from '../core/web-request';
import { firstText, PAGE_NUMBER } from '../core/web-request';

const PAGE_SIZE = 10;

/** The portal's front page: find a procedure by words in its name, code or field. */
@ApiExcludeController()
@Controller()
@Public()
export class HomePageController {
  public constructor(
    private readonly catalogue: CatalogueService,
    private readonly pages: PageRenderer,
  ) {}

  @Get()
  public async home(
    @Query('q') words: unknown,
    @Query('page', PAGE_NUMBER) requested: number | undefined,
    @Req() request: WebRequest,
    @Res() response: Response,
  ) {
    const q = (firstText(words) ?? '').trim().slice(0, 200);
    const page = requested ?? 1;
    const result = await this.catalogue.searchProcedures({ q: q || undefined, page, pageSize: PAGE_SIZE });
    const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
    const link = (target: number) =>
      `/?${new URLSearchParams({ ...(q ? { q } : {}), page: String(target) })}`;
    await this.pages.render(request, response, 'public/home', {
      titleKey: 'home.title',
      q,
      procedures: result.items,
      total: result.total,
      pagination: {
        page,
        pages,
        previous: page > 1 ? link(page - 1) : null,
        next: page < pages ? link(page + 1) : null,
      },
    });
  }
}
