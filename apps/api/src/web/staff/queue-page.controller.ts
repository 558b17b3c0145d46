import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

import { Authenticated, CurrentUser } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import { ApplicationReadingService } from '@onegate/applications';
import { APPLICATION_STATES } from '@onegate/domain';
import type { ApplicationState } from '@onegate/domain';

import { CatalogueService } from '../../catalogue/catalogue.service';
import { urgencyOf } from '../core/application-view';
import { isFormError } from '../core/form-problems';
import { PageRenderer } from '../core/page-renderer';
import type { WebRequest } from '../core/web-request';
import { textFields } from '../core/web-request';

const PAGE_SIZE = 20;
const QUEUE_STATES = APPLICATION_STATES.filter((state) => state !== 'draft');

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
    const state = (QUEUE_STATES as readonly string[]).includes(fields.state ?? '')
      ? (fields.state as ApplicationState)
      : undefined;
    const urgency = fields.urgency === 'dueSoon' || fields.urgency === 'overdue' ? fields.urgency : '';
    const procedures = (await this.catalogue.searchProcedures({ page: 1, pageSize: 100 })).items;
    const procedure = procedures.some((item) => item.code === fields.procedure)
      ? fields.procedure
      : undefined;
    const filter = {
      state: state ? [state] : undefined,
      procedure,
      dueSoon: urgency === 'dueSoon' || undefined,
      overdue: urgency === 'overdue' || undefined,
      limit: PAGE_SIZE,
    };
    const page = await this.reading
      .queue(user, { ...filter, cursor: fields.cursor?.slice(0, 200) || undefined })
      .catch((error: unknown) => {
        // A cursor that is not one of ours: start from the first page.
        if (isFormError(error)) return this.reading.queue(user, filter);
        throw error;
      });
    const base = new URLSearchParams({
      ...(state ? { state } : {}),
      ...(procedure ? { procedure } : {}),
      ...(urgency ? { urgency } : {}),
    });
    const now = Date.now();
    await this.pages.render(request, response, 'staff/queue', {
      titleKey: 'queue.title',
      items: page.items.map((item) => ({ ...item, ...urgencyOf(item, now) })),
      states: QUEUE_STATES.map((value) => ({ value, selected: value === state })),
      procedures: procedures.map((item) => ({ ...item, selected: item.code === procedure })),
      urgencies: ['dueSoon', 'overdue'].map((value) => ({ value, selected: value === urgency })),
      firstPage: fields.cursor ? `/staff/queue?${base}` : null,
      nextPage: page.nextCursor
        ? `/staff/queue?${new URLSearchParams([...base, ['cursor', page.nextCursor]])}`
        : null,
    });
  }
}
