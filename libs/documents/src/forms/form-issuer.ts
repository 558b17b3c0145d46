import { Injectable, Logger } from '@nestjs/common';

import type { FormKind } from '@onegate/domain';
import { JobName, OnJob } from '@onegate/jobs';
import type { FormPayload } from '@onegate/jobs';
import {
  AgencyRepository,
  ApplicationRepository,
  AttachmentRepository,
  isUniqueViolation,
  UserRepository,
  NOT_REUSED,
} from '@onegate/persistence';
import type { Agency, Application, ApplicationEvent, Attachment } from '@onegate/persistence';
import { FileStore, localTime, nameBasedUuid } from '@onegate/platform';

import { fileContext } from '../document-context';
import { PdfRenderer } from '../pdf/pdf-renderer';
import { DocumentTemplates } from '../templates/document-templates';
import { FeeReceiptDocuments } from './fee-receipt-documents';
import { callsForForm, formDocumentName, FORMS } from './form-catalogue';

/**
 * Renders the one-stop-shop forms of an application as PDFs and attaches them to it, one per event
 * that calls for the form. Each form's id is named after its event, so re-delivered or overlapping
 * jobs add nothing twice.
 */
@Injectable()
export class FormIssuer {
  private readonly logger = new Logger(FormIssuer.name);

  public constructor(
    private readonly applications: ApplicationRepository,
    private readonly attachments: AttachmentRepository,
    private readonly agencies: AgencyRepository,
    private readonly users: UserRepository,
    private readonly templates: DocumentTemplates,
    private readonly renderer: PdfRenderer,
    private readonly files: FileStore,
    private readonly feeReceipts: FeeReceiptDocuments,
  ) {}

  /** Renders the forms of this kind that the application's events call for and it lacks; answers how many. */
  @OnJob(JobName.RenderForm)
  public async renderMissing({ applicationId, form: kind }: FormPayload): Promise<number> {
    const application = await this.applications.findById(applicationId);
    if (!application) return 0;
    const [events, attached] = await Promise.all([
      this.applications.eventsOf(applicationId),
      this.applications.attachmentsOf(applicationId),
    ]);
    const present = new Set(attached.map((attachment) => attachment.id));
    let rendered = 0;
    for (const event of events.filter((candidate) => callsForForm(candidate.type, kind))) {
      const id = formId(applicationId, kind, event);
      if (present.has(id)) continue;
      if (await this.attach(id, application, event, kind)) rendered += 1;
    }
    return rendered;
  }

  /**
   * The stored form of this kind for one event, rendered now if the form job has not done it yet; null
   * when the event does not call for it. Whoever renders first wins: the answer is always the stored file.
   */
  public async formFor(applicationId: string, kind: FormKind, eventId: string): Promise<Attachment | null> {
    const application = await this.applications.findById(applicationId);
    const events = application ? await this.applications.eventsOf(applicationId) : [];
    const event = events.find((candidate) => candidate.id === eventId);
    if (!application || !event || !callsForForm(event.type, kind)) return null;
    const id = formId(applicationId, kind, event);
    const stored = await this.attachments.findOne(applicationId, id);
    if (stored) return stored;
    await this.attach(id, application, event, kind);
    return this.attachments.findOne(applicationId, id);
  }

  private async attach(id: string, application: Application, event: ApplicationEvent, kind: FormKind) {
    const agency = await this.agencyOf(application, event);
    const pdf =
      kind === 'fee-receipt'
        ? await this.feeReceipts.render(id, application, event, agency)
        : await this.renderForm(application, event, kind, agency);
    const definition = FORMS[kind];
    const stored = await this.files.save(pdf);
    try {
      await this.attachments.insert({
        id,
        applicationId: application.id,
        documentName: formDocumentName(kind),
        originalName: `${definition.fileName}-${application.code ?? 'ho-so'}.pdf`,
        mediaType: 'application/pdf',
        uploadedBy: null,
        supplementRequest: null,
        origin: 'issued',
        ...NOT_REUSED,
        uploadedAt: event.at,
        ...stored,
      });
    } catch (error) {
      await this.files.remove(stored.storageKey);
      if (isUniqueViolation(error)) return false;
      throw error;
    }
    this.logger.log({ applicationId: application.id, form: kind }, 'form attached');
    return true;
  }

  private async renderForm(
    application: Application,
    event: ApplicationEvent,
    kind: FormKind,
    agency: Agency,
  ) {
    const definition = FORMS[kind];
    const blocks = this.templates.render(definition.template, this.contextOf(application, event, agency));
    return this.renderer.render(blocks, {
      title: application.code ? `${definition.title} – ${application.code}` : definition.title,
      author: agency.nameVi,
      createdAt: event.at,
    });
  }

  private contextOf(application: Application, event: ApplicationEvent, agency: Agency) {
    const zone = agency.timeZone;
    const at = (value: Date | string | null | undefined) =>
      value ? localTime(new Date(value), zone).dateTime : null;
    const data = event.data;
    return {
      ...fileContext(application, agency),
      eventAt: at(event.at),
      receivedAt: at(application.receivedAt),
      dueAt: at(typeof data.dueAt === 'string' ? data.dueAt : application.dueAt),
      appointmentAt: at(typeof data.appointmentAt === 'string' ? data.appointmentAt : null),
      reason: typeof data.reason === 'string' ? data.reason : null,
      missingDocuments: Array.isArray(data.missingDocuments) ? data.missingDocuments : [],
      note: event.note,
      offline: event.channel === 'offline',
      documents: application.procedure!.requiredDocuments.map((document) => document.name),
    };
  }

  /** The agency of the clerk who acted, else the desk that received the file, else the competent one. */
  private async agencyOf(application: Application, event: ApplicationEvent): Promise<Agency> {
    const actor = event.actorId ? await this.users.findById(event.actorId) : null;
    const agency = actor?.agencyId ? await this.agencies.findById(actor.agencyId) : null;
    return agency ?? application.receivingAgency ?? application.competentAgency!;
  }
}

const formId = (applicationId: string, kind: FormKind, event: ApplicationEvent) =>
  nameBasedUuid(`${applicationId}:${kind}:${event.sequence}`);
