import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

import { Authenticated, CurrentUser } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import { ApplicationReadingService } from '@onegate/applications';

import { CatalogueService } from '../../catalogue/catalogue.service';
import { isFormError } from '../core/form-problems';
import { PageRenderer } from '../core/page-renderer';
import type { WebRequest } from '../core/web-request';
import { textFields } from '../core/web-request';
import { queueFilters, queueQuery, queueView } from './queue-page.view';

const PAGE_SIZE = 20;

/** The one-stop queue of the clerk's agency (a supervisor's subtree): soonest due first, cursor paged. */
@ApiExcludeController()
@Controller('staff/queue')
@Authenticated({ roles: ['clerk', 'supervisor', 'admin'] })
export class QueuePageController {
  public constructor(
    private readonly reading: ApplicationReadingService,
    private readonly catalogue: CatalogueService,
    private readonly pages: PageRenderer,
  ) {}

  @Get()
  public async queue(
    @CurrentUser() user: AuthenticatedUser,
    @Query('state') stateText: unknown,
    @Query('urgency') urgencyText: unknown,
    @Query('procedure') procedureText: unknown,
    @Query('cursor') cursorText: unknown,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    const fields = textFields({
      state: stateText,
      urgency: urgencyText,
      procedure: procedureText,
      cursor: cursorText,
    });
    const procedures = (await this.catalogue.searchProcedures({ page: 1, pageSize: 100 })).items;
    const filters = queueFilters(fields, procedures);
    const query = queueQuery(filters, PAGE_SIZE);
    const page = await this.reading
      .queue(user, { ...query, cursor: filters.cursor })
      .catch((error: unknown) => {
        // A cursor that is not one of ours: start from the first page.
        if (isFormError(error)) return this.reading.queue(user, query);
        throw error;
      });
    const view = queueView(filters, Boolean(fields.cursor), procedures, page, Date.now());
    await this.pages.render(request, response, 'staff/queue', view);
  }
}
