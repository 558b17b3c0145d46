import { randomUUID } from 'node:crypto';

import {
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
  StreamableFile,
} from '@nestjs/common';

import type { AuthenticatedUser } from '@onegate/access';
import {
  ApplicationRepository,
  AttachmentRepository,
  hasStoredCopy,
  MESSAGE_FILES_PREFIX,
  NOT_REUSED,
} from '@onegate/persistence';
import type { Application, Attachment } from '@onegate/persistence';
import { Clock, contentDisposition, FileStore } from '@onegate/platform';

import { returnedByTransfer } from './application.dto';
import { ApplicationAccessService } from './application-access.service';
import { invalidFields } from './application-errors';
import { storeDocumentFits } from './document-store';
import { DocumentStoreService } from './document-store.service';
import { DEFAULT_UPLOAD_TYPES, MAX_UPLOAD_BYTES, checkedUpload } from './upload-checks';
import { StorageLimits } from './storage-limits';
import { SupplementCheck } from './supplement-check';

export { MAX_UPLOAD_BYTES } from './upload-checks';

export interface Upload {
  originalName: string;
  /** The received file, in a temporary place; the caller removes it afterwards. */
  path: string;
  sizeBytes: number;
  documentName?: string;
}

@Injectable()
export class AttachmentService {
  public constructor(
    private readonly applications: ApplicationRepository,
    private readonly attachments: AttachmentRepository,
    private readonly access: ApplicationAccessService,
    private readonly files: FileStore,
    private readonly clock: Clock,
    private readonly limits: StorageLimits,
    private readonly supplements: SupplementCheck,
    private readonly store: DocumentStoreService,
  ) {}

  /**
   * A citizen adds a document to their draft, or to a file waiting for a supplement. The type is
   * what the bytes are (sniffed), never what the name or header says.
   */
  public async upload(
    user: AuthenticatedUser,
    applicationId: string,
    upload: Upload | undefined,
  ): Promise<Attachment> {
    const application = await this.takingDocuments(user, applicationId);
    if (!upload)
      throw invalidFields([{ field: 'file', problems: ['a file is required in the "file" part'] }]);
    const { rules, request } = await this.slotOf(application, upload.documentName ?? null);
    const mediaType = await checkedUpload(upload, { ...rules, field: 'file' });
    await this.limits.checkAttachment(applicationId, upload.documentName ?? null, upload.sizeBytes);
    const stored = await this.files.saveFile(upload.path);
    return this.record({
      id: randomUUID(),
      applicationId,
      documentName: upload.documentName ?? null,
      originalName: safeName(upload.originalName),
      mediaType,
      uploadedBy: user.id,
      supplementRequest: request?.sequence ?? null,
      origin: 'uploaded',
      ...NOT_REUSED,
      uploadedAt: this.clock.now(),
      ...stored,
    });
  }

  /**
   * A citizen answers a document with one of their store's instead of uploading it again
   * (docs/documents.md, "Reuse"): the file gets its own row and its own durable copy of the bytes,
   * marked `reused` with the source file's receipt code and document. Only their own store's documents
   * are found (any other id is a 404); one of another kind, type or size than the document takes is a
   * 400 on `storeDocumentId`.
   */
  public async reuse(
    user: AuthenticatedUser,
    applicationId: string,
    documentName: string,
    storeDocumentId: string,
  ): Promise<Attachment> {
    const application = await this.takingDocuments(user, applicationId);
    const { rules, request } = await this.slotOf(application, documentName);
    const source = await this.store.find(user, storeDocumentId);
    const slot = { name: documentName, acceptedTypes: rules.accepted, maxSizeBytes: rules.limit };
    if (!storeDocumentFits(source, slot))
      throw invalidFields([
        {
          field: 'storeDocumentId',
          problems: ['is not a document of the kind, file type and size this document takes'],
        },
      ]);
    await this.limits.checkAttachment(applicationId, documentName, source.sizeBytes);
    const stored = await this.files.copy(source.storageKey);
    return this.record({
      id: randomUUID(),
      applicationId,
      documentName,
      originalName: source.name,
      mediaType: source.mediaType,
      uploadedBy: user.id,
      supplementRequest: request?.sequence ?? null,
      origin: 'reused',
      sourceApplicationId: source.applicationId,
      sourceDocumentId: source.id,
      sourceCode: source.code,
      uploadedAt: this.clock.now(),
      ...stored,
    });
  }

  /** The applicant's own file, while it takes documents (a draft, or waiting for a supplement). */
  private async takingDocuments(user: AuthenticatedUser, applicationId: string): Promise<Application> {
    const application = await this.assertApplicant(user, applicationId);
    if (application.state !== 'draft' && application.state !== 'supplement_requested') {
      throw new ConflictException(`Documents cannot be added while the application is ${application.state}`);
    }
    return application;
  }

  /** What a document of the file takes: a required document, an item of the waiting request, or an extra. */
  private async slotOf(application: Application, documentName: string | null) {
    const required = application.procedure!.requiredDocuments.find(
      (document) => document.name === documentName,
    );
    const request =
      application.state === 'supplement_requested' ? await this.supplements.lastRequest(application) : null;
    const requested = request?.items.some((item) => item.name === documentName) ?? false;
    if (documentName && !required && !requested) {
      throw invalidFields([
        { field: 'documentName', problems: ['is not a document this procedure asks for'] },
      ]);
    }
    const accepted = required?.acceptedTypes ?? DEFAULT_UPLOAD_TYPES;
    const limit = Math.min(required?.maxSizeBytes ?? MAX_UPLOAD_BYTES, MAX_UPLOAD_BYTES);
    return { rules: { accepted, limit }, request };
  }

  private async record(attachment: Attachment): Promise<Attachment> {
    await this.limits.recordAttachment(attachment).catch(async (error: unknown) => {
      await this.files.remove(attachment.storageKey);
      throw error;
    });
    return attachment;
  }

  /** Only the applicant adds documents: checked before an upload is read (docs/applications.md, "Reading an upload"). */
  public async assertApplicant(user: AuthenticatedUser, applicationId: string): Promise<Application> {
    const application = await this.access.assertVisible(
      user,
      await this.applications.findById(applicationId),
    );
    if (application.applicantId !== user.id)
      throw new ForbiddenException('Only the applicant can add documents');
    return application;
  }

  /**
   * Anyone who may see the application may open its documents, a consulted agency too but for the files
   * of the applicant's messages and those a transfer agency returned, which the applicant does not open
   * either; the name offered is made safe.
   */
  public async download(
    user: AuthenticatedUser,
    applicationId: string,
    attachmentId: string,
  ): Promise<StreamableFile> {
    const { view } = await this.access.assertReached(user, await this.applications.findById(applicationId));
    const attachment = await this.attachments.findOne(applicationId, attachmentId);
    if (!attachment) throw new NotFoundException('No such document');
    const ofThread = attachment.documentName?.startsWith(MESSAGE_FILES_PREFIX) ?? false;
    // What a transfer agency returned is the competent agency's, never the applicant's nor a consulted
    // agency's (docs/applications.md, "Transfers").
    const returned = returnedByTransfer(attachment);
    if ((view === 'consulted' && (ofThread || returned)) || (returned && user.role === 'citizen'))
      throw new NotFoundException('No such document');
    // An imported document without a copy has no bytes to give (docs/documents.md, "Where a document came from").
    if (!hasStoredCopy(attachment)) throw new NotFoundException('This imported document has no stored copy');
    return new StreamableFile(this.files.open(attachment.storageKey), {
      type: attachment.mediaType,
      length: attachment.sizeBytes,
      disposition: contentDisposition(attachment.originalName),
    });
  }
}

/** Keeps a display name printable and short; it is never used as a path. */
export function safeName(name: string): string {
  const cleaned = name
    .replace(/[\p{Cc}\p{Cf}/\\]/gu, '_')
    .trim()
    .slice(0, 200);
  return cleaned || 'document';
}
