import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

import { Authenticated, CurrentUser } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import { ApplicationReadingService, queueSearchKind } from '@onegate/applications';

import { CatalogueService } from '../../catalogue/catalogue.service';
import { isFormError } from '../core/form-problems';
import { PageRenderer } from '../core/page-renderer';
import type { WebRequest } from '../core/web-request';
import { textFields } from '../core/web-request';
import { queueFilters, queueQuery, queueView, withoutNationalId } from './queue-page.view';
import type { QueueFilters } from './queue-page.view';

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
    @Query('state') state: unknown,
    @Query('urgency') urgency: unknown,
    @Query('procedure') procedure: unknown,
    @Query('holder') holder: unknown,
    @Query('finished') finished: unknown,
    @Query('q') q: unknown,
    @Query('cursor') cursor: unknown,
    @Query('notice') notice: unknown,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    const procedures = await this.proceduresOffered();
    const fields = textFields({ state, urgency, procedure, holder, finished, q, cursor, notice });
    const filters = queueFilters(fields, procedures);
    // The number is already in this request's URL; it must not stay in the address bar or the page's links.
    if (queueSearchKind(fields.q?.trim() ?? '') === 'nationalId') {
      return response.redirect(HttpStatus.SEE_OTHER, withoutNationalId(filters));
    }
    await this.show(user, filters, procedures, request, response);
  }

  /** A search by national ID number comes by POST, so the number stays out of URLs (docs/portal.md). */
  @Post()
  @HttpCode(HttpStatus.OK)
  public async search(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: unknown,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    const procedures = await this.proceduresOffered();
    const asked = { q: textFields(body).q ?? '', finished: 'true' };
    await this.show(user, queueFilters(asked, procedures, true), procedures, request, response);
  }

  private async proceduresOffered() {
    return (await this.catalogue.searchProcedures({ page: 1, pageSize: 100 })).items;
  }

  private async show(
    user: AuthenticatedUser,
    filters: QueueFilters,
    procedures: Awaited<ReturnType<QueuePageController['proceduresOffered']>>,
    request: WebRequest,
    response: Response,
  ): Promise<void> {
    const query = queueQuery(filters, PAGE_SIZE);
    const page = await this.reading
      .queue(user, { ...query, cursor: filters.cursor })
      .catch((error: unknown) => {
        // A cursor that is not one of ours: start from the first page.
        if (isFormError(error)) return this.reading.queue(user, query);
        throw error;
      });
    const view = queueView(filters, Boolean(filters.cursor), procedures, page, Date.now());
    // The files other agencies ask this agency's opinion on (docs/portal.md, "Xin ý kiến").
    const consulted = (await this.reading.consultedQueue(user, PAGE_SIZE)).items;
    await this.pages.render(request, response, 'staff/queue', { ...view, consulted });
  }
}
