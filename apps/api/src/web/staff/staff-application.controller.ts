import { Body, Controller, Get, Post, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

import { Authenticated, BodyAfter, CurrentUser } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import {
  ApplicationActionsService,
  ApplicationMessagesService,
  ApplicationOfCaller,
  ApplicationReadingService,
  PartyOfThread,
} from '@onegate/applications';
import type { ApplicationDto } from '@onegate/applications';
import type { Action } from '@onegate/domain';
import { AgencyRepository, UserRepository } from '@onegate/persistence';
import { Clock } from '@onegate/platform';

import type { ProcedureDto } from '../../catalogue/catalogue.dto';
import { CatalogueService } from '../../catalogue/catalogue.service';
import { answerForm, attempt } from '../core/form-outcome';
import { agencyNamesOf } from '../core/process-view';
import { answerMessageForm, MESSAGE_UPLOADS, threadView } from '../core/message-thread';
import { PageRenderer } from '../core/page-renderer';
import { languageOf } from '../core/web-cookies';
import type { WebRequest } from '../core/web-request';
import { IdParam } from '../../id-param';
import type { UploadProblem } from '../../uploads/streamed-uploads';
import { StreamedUploads } from '../../uploads/streamed-uploads';
import { actionErrors, checkActionForm } from './action-forms';
import type { FailedAction, ProcessPeople } from './staff-application.view';
import { offeredActions, staffApplicationView } from './staff-application.view';

/** A file as staff see it: answers, documents, timeline, and a small form for each action allowed now. */
@ApiExcludeController()
@Controller('staff/applications/:id')
@Authenticated({ roles: ['clerk', 'supervisor', 'admin'] })
export class StaffApplicationController {
  public constructor(
    private readonly reading: ApplicationReadingService,
    private readonly actions: ApplicationActionsService,
    private readonly catalogue: CatalogueService,
    private readonly agencies: AgencyRepository,
    private readonly users: UserRepository,
    private readonly clock: Clock,
    private readonly pages: PageRenderer,
    private readonly messages: ApplicationMessagesService,
  ) {}

  @Get()
  public async show(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    await this.render(user, await this.reading.get(user, id), request, response, null);
  }

  @Post('actions')
  @BodyAfter(ApplicationOfCaller)
  public async act(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Body() body: unknown,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    const { posted, action, request: actionRequest, problems } = await checkActionForm(body);
    const outcome = await attempt(
      async () => {
        const outcome = await this.actions.perform({ kind: 'user', user }, id, actionRequest);
        // A transfer forwarded back is out of the other agency's reach: back to its queue.
        const stillSeen = await this.reading.sees(user, outcome.application);
        return stillSeen ? `/staff/applications/${id}?notice=acted` : '/staff/queue?notice=acted';
      },
      { problems },
    );
    await answerForm(response, outcome, async (failure) => {
      const errors = actionErrors(languageOf(request), action, failure.problems);
      const failed = { action, errors, values: posted };
      await this.render(user, await this.reading.get(user, id), request, response, failed, failure.status);
    });
  }

  /** A message to the applicant, with its files, in the file's thread (docs/messages.md). */
  @Post('messages')
  @BodyAfter(PartyOfThread)
  @UseInterceptors(StreamedUploads(MESSAGE_UPLOADS))
  public async message(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Body() body: unknown,
    @Req() request: WebRequest & UploadProblem & { files?: Express.Multer.File[] },
    @Res() response: Response,
  ): Promise<void> {
    await answerMessageForm({
      messages: this.messages,
      user,
      applicationId: id,
      body,
      request,
      response,
      page: `/staff/applications/${id}`,
      showAgain: async (form, status) =>
        this.render(user, await this.reading.get(user, id), request, response, null, status, form),
    });
  }

  private async render(
    user: AuthenticatedUser,
    application: ApplicationDto,
    request: WebRequest,
    response: Response,
    failed: FailedAction | null,
    status = 200,
    messageForm: object = {},
  ): Promise<void> {
    const procedure = await this.catalogue.getProcedure(application.procedureCode);
    const offered = offeredActions(application, user.role);
    const clerks = await this.clerksFor(application, offered);
    const lang = languageOf(request);
    const view = staffApplicationView(
      lang,
      application,
      procedure,
      offered,
      clerks,
      failed,
      this.clock.now(),
      await this.processPeople(application, procedure, offered),
    );
    // The agency holding a transferred step does not read the applicant's thread.
    const thread = application.restricted ? null : await threadView(this.messages, user, application.id);
    await this.pages.render(
      request,
      response,
      'staff/application',
      { ...view, thread, ...messageForm },
      status,
    );
  }

  /** The names the process panel shows, and the people of the next step's unit when it can be forwarded. */
  private async processPeople(
    application: ApplicationDto,
    procedure: ProcedureDto,
    offered: Action[],
  ): Promise<ProcessPeople> {
    const agencies = await agencyNamesOf(this.agencies, procedure);
    const holderId = application.step?.holderId;
    const holderName = holderId ? ((await this.users.findById(holderId))?.fullName ?? null) : null;
    const next = procedure.steps.find((step) => step.position === (application.step?.position ?? 0) + 1);
    let nextUnit: { id: string; fullName: string }[] = [];
    if (next && offered.includes('forward')) {
      const agencyId =
        next.holderAgencyId ?? (await this.agencies.findByCode(application.competentAgencyCode))?.id;
      const role = next.holderRole === 'supervisor' ? 'supervisor' : 'clerk';
      nextUnit = agencyId ? await this.users.activeStaffOf(agencyId, role) : [];
    }
    return { agencies, holderName, nextUnit };
  }

  /** The clerks of the competent agency, when the file can be assigned. */
  private async clerksFor(application: ApplicationDto, offered: Action[]) {
    if (!offered.includes('assign')) return [];
    const agency = await this.agencies.findByCode(application.competentAgencyCode);
    if (!agency) return [];
    const query = { page: 1, pageSize: 100, role: 'clerk' as const, agencyIds: [agency.id] };
    return (await this.users.search(query)).items;
  }
}
