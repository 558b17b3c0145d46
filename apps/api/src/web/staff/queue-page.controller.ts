import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

import { Authenticated, CurrentUser } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import {
  ApplicationReadingService,
  BulkActionsService,
  isPersonalSearch,
  MAX_BULK_FILES,
} from '@onegate/applications';
import { UserRepository } from '@onegate/persistence';

import { CatalogueService } from '../../catalogue/catalogue.service';
import { isFormError } from '../core/form-problems';
import { PageRenderer } from '../core/page-renderer';
import { languageOf } from '../core/web-cookies';
import type { WebRequest } from '../core/web-request';
import { textFields } from '../core/web-request';
import { bulkControls, bulkPost, bulkPostProblem, bulkSummary } from './queue-bulk.view';
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
    private readonly bulk: BulkActionsService,
    private readonly catalogue: CatalogueService,
    private readonly users: UserRepository,
    private readonly pages: PageRenderer,
  ) {}

  @Get()
  public async queue(
    @CurrentUser() user: AuthenticatedUser,
    @Query('state') state: unknown,
    @Query('urgency') urgency: unknown,
    @Query('procedure') procedure: unknown,
    @Query('step') step: unknown,
    @Query('holder') holder: unknown,
    @Query('waiting') waiting: unknown,
    @Query('finished') finished: unknown,
    @Query('q') q: unknown,
    @Query('cursor') cursor: unknown,
    @Query('notice') notice: unknown,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    const procedures = await this.proceduresOffered();
    const fields = textFields({
      state,
      urgency,
      procedure,
      step,
      holder,
      waiting,
      finished,
      q,
      cursor,
      notice,
    });
    const filters = queueFilters(fields, procedures);
    // The number is already in this request's URL; it must not stay in the address bar or the page's links.
    if (isPersonalSearch(fields.q?.trim() ?? '')) {
      return response.redirect(HttpStatus.SEE_OTHER, withoutNationalId(filters));
    }
    await this.show(user, filters, procedures, request, response);
  }

  /** A search by national ID or phone number comes by POST, so the number stays out of URLs (docs/portal.md). */
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

  /**
   * One action on the files ticked (or every file of the page), each through the single action's path;
   * the same view of the queue comes back with what became of each file (docs/portal.md).
   */
  @Post('bulk')
  @HttpCode(HttpStatus.OK)
  public async bulkAction(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: unknown,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    const lang = languageOf(request);
    const post = bulkPost(body);
    const procedures = await this.proceduresOffered();
    const filters = queueFilters(Object.fromEntries(new URLSearchParams(post.back)), procedures);
    const problem = bulkPostProblem(lang, post);
    if (problem || !post.action) {
      const bulk = { problem, controls: bulkControls(await this.staffOf(user), post), ticked: post.ids };
      return this.show(user, filters, procedures, request, response, bulk, HttpStatus.BAD_REQUEST);
    }
    const answer = await this.bulk.perform(user, {
      action: post.action,
      ids: post.ids.slice(0, MAX_BULK_FILES),
      ...(post.action === 'assign' ? { assigneeId: post.assigneeId } : {}),
    });
    const bulk = { summary: bulkSummary(lang, answer), controls: bulkControls(await this.staffOf(user)) };
    await this.show(user, filters, procedures, request, response, bulk);
  }

  /** Whom the caller's files can be assigned to: the clerks of their own agency. */
  private async staffOf(user: AuthenticatedUser) {
    if (!user.agencyId) return [];
    const query = { page: 1, pageSize: 100, role: 'clerk' as const, agencyIds: [user.agencyId] };
    return (await this.users.search(query)).items;
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
    bulk?: { ticked?: string[]; [part: string]: unknown },
    status = 200,
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
    const controls = bulk ? {} : { controls: bulkControls(await this.staffOf(user)) };
    // A refused bulk post shows the page with the same files still ticked.
    const ticked = new Set(bulk?.ticked ?? []);
    const items = view.items.map((item) => ({ ...item, ticked: ticked.has(item.id) }));
    const shown = { ...view, items, consulted, bulk: { ...controls, ...bulk } };
    await this.pages.render(request, response, 'staff/queue', shown, status);
  }
}
