import { randomUUID } from 'node:crypto';

import { BadRequestException, ForbiddenException, Injectable } from '@nestjs/common';

import type { AuthenticatedUser } from '@onegate/access';
import { decide, isValidNationalId, normalizeVietnamesePhone } from '@onegate/domain';
import {
  ApplicationRepository,
  AttachmentRepository,
  newApplication,
  ProcedureRepository,
  TransactionRunner,
  UserRepository,
  NOT_REUSED,
} from '@onegate/persistence';
import type { Application, Attachment, Procedure } from '@onegate/persistence';
import type { FieldProblem } from '@onegate/domain';
import { Clock, FileStore } from '@onegate/platform';
import { ReportRollupsService } from '@onegate/reporting';

import { ActionContextService } from './action-context.service';
import { decidedOrThrow, invalidFields } from './application-errors';
import type { RegisterCounterRequest } from './application.requests';
import { ApplicationJournal } from './application-journal';
import { checkCompleteForm, liveProcedure, phoneAnswerOf } from './procedure-forms';
import { ReceiptCodes } from './receipt-codes.service';
import type { Upload } from './attachment.service';
import { safeName } from './attachment.service';
import { checkedUpload, DEFAULT_UPLOAD_TYPES, MAX_UPLOAD_BYTES } from './upload-checks';

/** A paper document scanned or photographed at the desk, for one of the procedure's documents. */
export type CounterScan = Upload & { documentName: string };

/**
 * register_counter: the clerk's desk receives a paper file, whatever agency is competent for it; it is
 * then in the competent agency's queue. The receipt code is the desk's.
 */
@Injectable()
export class CounterRegistrationService {
  public constructor(
    private readonly applications: ApplicationRepository,
    private readonly procedures: ProcedureRepository,
    private readonly users: UserRepository,
    private readonly contexts: ActionContextService,
    private readonly transactions: TransactionRunner,
    private readonly receiptCodes: ReceiptCodes,
    private readonly journal: ApplicationJournal,
    private readonly attachments: AttachmentRepository,
    private readonly files: FileStore,
    private readonly clock: Clock,
    private readonly reportRollups: ReportRollupsService,
  ) {}

  /**
   * Registers the file, with the documents scanned at the desk (`scans`, marked digitised); each scan
   * passes the upload checks first, so a refused one leaves nothing registered.
   */
  public async registerCounter(
    clerk: AuthenticatedUser,
    request: RegisterCounterRequest,
    scans: CounterScan[] = [],
  ): Promise<Application> {
    if (clerk.role !== 'clerk' || !clerk.agencyId)
      throw new ForbiddenException('Only a one-stop clerk can register a paper file');
    if (!isValidNationalId(request.applicant.nationalId)) {
      throw invalidFields([
        { field: 'applicant.nationalId', problems: ['must be a valid 12-digit citizen ID number'] },
      ]);
    }
    const phone = request.applicant.phone?.trim() || null;
    if (phone && normalizeVietnamesePhone(phone) === null) {
      throw invalidFields([{ field: 'applicant.phone', problems: ['must be a Vietnamese phone number'] }]);
    }
    const procedure = await liveProcedure(this.procedures, request.procedureCode);
    const formData = checkCompleteForm(procedure, request.formData);
    const mediaTypes = await checkedScans(procedure, scans);
    const desk = await this.contexts.deskOf({ kind: 'user', user: clerk });
    const account = await this.users.findByNationalId(request.applicant.nationalId);
    const now = this.contexts.now();
    const calendar = await this.contexts.calendarOf(procedure.agency!);
    const process = await this.contexts.processOf(procedure.id, procedure.agency!);
    const application = newApplication(procedure, now, {
      applicantId: account?.role === 'citizen' ? account.id : null,
      applicantNationalId: request.applicant.nationalId,
      applicantName: request.applicant.fullName,
      applicantEmail: request.applicant.email ?? account?.email ?? null,
      applicantPhone: phone ?? phoneAnswerOf(procedure, formData) ?? account?.phone ?? null,
      formData,
      submissionChannel: 'offline',
    });
    // A file that does not exist yet: no state, and its first version is the one the action writes.
    const decision = decidedOrThrow(
      'register_counter',
      decide(
        'register_counter',
        { ...application, state: null, version: 0 },
        {},
        {
          role: 'clerk',
          // The file is new and the clerk's desk receives it: it is in their agency scope.
          actorRelation: { isApplicant: false, inAgencyScope: true, isConsulted: false },
          now,
          procedure,
          calendar,
          receivingAgencyId: desk.id,
          ...(process ? { process } : {}),
        },
      ),
    );
    Object.assign(application, decision.changes);
    const documents = await this.stored(clerk, application, scans, mediaTypes);
    await this.transactions
      .run(async (manager) => {
        application.code = await this.receiptCodes.next(manager, desk, now);
        await this.applications.insert(manager, application);
        await this.journal.record(manager, {
          application,
          decision,
          actor: { id: clerk.id, role: 'clerk' },
          at: now,
          note: request.note ?? null,
          calendar,
        });
        // The scans make the new file digitised (docs/metrics.md, "Digitisation").
        await this.reportRollups.recordDocumentsChange(manager, application.id, async () => {
          for (const document of documents) await this.attachments.insert(document, manager);
        });
      })
      .catch(async (error: unknown) => {
        for (const document of documents) await this.files.remove(document.storageKey);
        throw error;
      });
    return (await this.applications.findById(application.id))!;
  }

  private async stored(
    clerk: AuthenticatedUser,
    application: Application,
    scans: CounterScan[],
    mediaTypes: string[],
  ): Promise<Attachment[]> {
    const documents: Attachment[] = [];
    for (const [index, scan] of scans.entries()) {
      const stored = await this.files.saveFile(scan.path);
      documents.push({
        id: randomUUID(),
        applicationId: application.id,
        documentName: scan.documentName,
        originalName: safeName(scan.originalName),
        mediaType: mediaTypes[index]!,
        uploadedBy: clerk.id,
        supplementRequest: null,
        origin: 'scanned',
        ...NOT_REUSED,
        uploadedAt: this.clock.now(),
        ...stored,
      });
    }
    return documents;
  }
}

/**
 * Each scan is for one of the procedure's documents and passes that document's upload checks
 * (docs/applications.md, "Upload problems"); every refusal is named, `attachments.<document>`. Gives
 * each scan's sniffed media type.
 */
async function checkedScans(procedure: Procedure, scans: CounterScan[]): Promise<string[]> {
  const problems: FieldProblem[] = [];
  const mediaTypes: string[] = [];
  for (const scan of scans) {
    const field = `attachments.${scan.documentName}`;
    const document = procedure.requiredDocuments.find((each) => each.name === scan.documentName);
    if (!document) {
      problems.push({ field, problems: ['is not a document this procedure asks for'] });
      continue;
    }
    const accepted = document.acceptedTypes.length > 0 ? document.acceptedTypes : DEFAULT_UPLOAD_TYPES;
    const limit = Math.min(document.maxSizeBytes, MAX_UPLOAD_BYTES);
    await checkedUpload(scan, { accepted, limit, field }).then(
      (mediaType) => mediaTypes.push(mediaType),
      (error: unknown) => {
        if (!(error instanceof BadRequestException)) throw error;
        const { details } = error.getResponse() as { details?: FieldProblem[] };
        problems.push(...(details ?? [{ field, problems: [error.message] }]));
      },
    );
  }
  if (problems.length > 0) throw invalidFields(problems);
  return mediaTypes;
}
