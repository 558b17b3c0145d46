import { Body, Controller, Get, Post, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

import { Authenticated, BodyAfter, CurrentUser } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import {
  ApplicationActionsService,
  ApplicationMessagesService,
  ApplicationReachedByCaller,
  ApplicationReadingService,
  PartyOfThread,
} from '@onegate/applications';
import type { ApplicationDto, ConsultedFileDto } from '@onegate/applications';
import type { Action } from '@onegate/domain';
import { AgencyRepository, UserRepository } from '@onegate/persistence';
import { Clock } from '@onegate/platform';

import { CatalogueService } from '../../catalogue/catalogue.service';
import { answerForm, attempt } from '../core/form-outcome';
import { answerMessageForm, MESSAGE_UPLOADS, threadView } from '../core/message-thread';
import { documentsOf } from '../core/application-view';
import { PageRenderer } from '../core/page-renderer';
import { languageOf } from '../core/web-cookies';
import type { WebRequest } from '../core/web-request';
import { IdParam } from '../../id-param';
import type { UploadProblem } from '../../uploads/streamed-uploads';
import { StreamedUploads } from '../../uploads/streamed-uploads';
import { actionErrors, actionForms, checkActionForm } from './action-forms';
import { consultationsView } from './consultations.view';
import type { FailedAction } from './staff-application.view';
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
    await this.renderAny(user, await this.reading.read(user, id), request, response, null);
  }

  @Post('actions')
  @BodyAfter(ApplicationReachedByCaller)
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
        await this.actions.perform({ kind: 'user', user }, id, actionRequest);
        // An answer closes the consulted agency's reach of the file: it goes back to its queue.
        const answeredFromOutside = action === 'answer_consultation' && !(await this.seesWhole(user, id));
        return answeredFromOutside
          ? '/staff/queue?notice=answered'
          : `/staff/applications/${id}?notice=acted`;
      },
      { problems },
    );
    await answerForm(response, outcome, async (failure) => {
      const errors = actionErrors(languageOf(request), action, failure.problems);
      const failed = { action, errors, values: posted };
      await this.renderAny(
        user,
        await this.reading.read(user, id),
        request,
        response,
        failed,
        failure.status,
      );
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

  private async seesWhole(user: AuthenticatedUser, id: string): Promise<boolean> {
    return !('view' in (await this.reading.read(user, id).catch(() => ({ view: 'none' }))));
  }

  /** The whole file, or what a consulted agency sees of it with the form to answer. */
  private async renderAny(
    user: AuthenticatedUser,
    file: ApplicationDto | ConsultedFileDto,
    request: WebRequest,
    response: Response,
    failed: FailedAction | null,
    status = 200,
  ): Promise<void> {
    if (!('view' in file)) return this.render(user, file, request, response, failed, status);
    const lang = languageOf(request);
    const procedure = await this.catalogue.getProcedure(file.procedureCode);
    const heading = file.code ?? file.id;
    await this.pages.render(
      request,
      response,
      'staff/consulted',
      {
        titleText: `${heading} – ${file.procedureName[lang]}`,
        application: file,
        heading,
        documents: documentsOf(file.id, file.attachments, procedure.requiredDocuments),
        consultations: consultationsView(file.consultations),
        forms: actionForms(file.allowedActions, failed, this.clock.now()),
        openConsultation: file.consultations.find((consultation) => consultation.answeredAt === null) ?? null,
        version: file.version,
        breadcrumbs: [{ key: 'nav.queue', href: '/staff/queue' }, { text: heading }],
      },
      status,
    );
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
    );
    const thread = await threadView(this.messages, user, application.id);
    const consultable = offered.includes('consult') ? await this.consultableAgencies(application, lang) : [];
    const consultations = consultationsView(application.consultations ?? []);
    await this.pages.render(
      request,
      response,
      'staff/application',
      { ...view, thread, consultable, consultations, ...messageForm },
      status,
    );
  }

  /** The agencies a consultation may go to: all but the file's competent agency (docs/applications.md). */
  private async consultableAgencies(application: ApplicationDto, lang: 'vi' | 'en') {
    const agencies = (await this.agencies.list({ page: 1, pageSize: 500 })).items;
    return agencies
      .filter((agency) => agency.code !== application.competentAgencyCode)
      .map((agency) => ({
        id: agency.id,
        name: `${agency.code} – ${lang === 'vi' ? agency.nameVi : agency.nameEn}`,
      }));
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
