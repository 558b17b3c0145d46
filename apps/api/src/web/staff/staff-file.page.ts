import { Injectable } from '@nestjs/common';
import type { Response } from 'express';

import type { AuthenticatedUser } from '@onegate/access';
import {
  ApplicationMessagesService,
  ApplicationReadingService,
  DocumentReviewService,
  DraftedResultService,
} from '@onegate/applications';
import type { ApplicationDto, ConsultedFileDto } from '@onegate/applications';
import type { Action } from '@onegate/domain';
import { AgencyRepository, UserRepository } from '@onegate/persistence';
import { Clock } from '@onegate/platform';

import type { ProcedureDto } from '../../catalogue/catalogue.dto';
import { CatalogueService } from '../../catalogue/catalogue.service';
import { documentsOf } from '../core/application-view';
import { threadView } from '../core/message-thread';
import { PageRenderer } from '../core/page-renderer';
import { agencyNamesOf } from '../core/process-view';
import { languageOf } from '../core/web-cookies';
import type { WebRequest } from '../core/web-request';
import { actionForms } from './action-forms';
import { consultationsView } from './consultations.view';
import type { FailedAction, ProcessPeople } from './staff-application.view';
import { offeredActions, staffApplicationView } from './staff-application.view';

/** What a staff file page shows besides the file: a refused form, a message form, a previewed document. */
export interface StaffPageState {
  failed?: FailedAction | null;
  status?: number;
  form?: object;
  preview?: string | null;
}

/**
 * The file page staff work from (docs/portal.md): the whole file with its process, checklist, actions and
 * thread, or what a consulted agency sees of it with the form to answer.
 */
@Injectable()
export class StaffFilePage {
  public constructor(
    private readonly reading: ApplicationReadingService,
    private readonly catalogue: CatalogueService,
    private readonly agencies: AgencyRepository,
    private readonly users: UserRepository,
    private readonly clock: Clock,
    private readonly pages: PageRenderer,
    private readonly messages: ApplicationMessagesService,
    private readonly work: DocumentReviewService,
    private readonly drafts: DraftedResultService,
  ) {}

  /** The page of the file as the user reaches it: whole, or as a consulted agency. */
  public async render(
    user: AuthenticatedUser,
    id: string,
    request: WebRequest,
    response: Response,
    state: StaffPageState = {},
  ): Promise<void> {
    const file = await this.reading.read(user, id);
    if ('view' in file) return this.renderConsulted(file, request, response, state);
    return this.renderWhole(user, file, request, response, state);
  }

  private async renderConsulted(
    file: ConsultedFileDto,
    request: WebRequest,
    response: Response,
    { failed = null, status = 200 }: StaffPageState,
  ): Promise<void> {
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

  private async renderWhole(
    user: AuthenticatedUser,
    application: ApplicationDto,
    request: WebRequest,
    response: Response,
    { failed = null, status = 200, form = {}, preview = null }: StaffPageState,
  ): Promise<void> {
    const procedure = await this.catalogue.getProcedure(application.procedureCode);
    const reviews = await this.work.reviewsOf(user, application.id);
    const draft = await this.drafts.draftOf(user, application.id);
    const offered = offeredActions(application, user.role);
    const lang = languageOf(request);
    const view = staffApplicationView(
      lang,
      application,
      procedure,
      offered,
      await this.clerksFor(application, offered),
      failed,
      this.clock.now(),
      await this.processPeople(application, procedure, offered),
      { reviews, draft, preview, mayUploadResult: user.role === 'clerk' },
    );
    // The agency holding a transferred step does not read the applicant's thread.
    const thread = application.restricted ? null : await threadView(this.messages, user, application.id);
    const consultable = offered.includes('consult') ? await this.consultableAgencies(application, lang) : [];
    const consultations = consultationsView(application.consultations ?? []);
    await this.pages.render(
      request,
      response,
      'staff/application',
      { ...view, thread, consultable, consultations, ...form },
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
