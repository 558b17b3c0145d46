import { readFile } from 'node:fs/promises';

import {
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
  StreamableFile,
} from '@nestjs/common';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';

import type { AuthenticatedUser } from '@onegate/access';
import type { ApplicationState } from '@onegate/domain';
import { JobName, Outbox } from '@onegate/jobs';
import {
  ApplicationRepository,
  DraftedResultRepository,
  IssuedResultRepository,
  TransactionRunner,
} from '@onegate/persistence';
import type { Application, DraftedResult } from '@onegate/persistence';
import { Clock, contentDisposition, FileStore, invalidFields } from '@onegate/platform';

import { ApplicationAccessService } from './application-access.service';
import { safeName } from './attachment.service';
import { checkedUpload, MAX_UPLOAD_BYTES } from './upload-checks';

/** A file is worked on, or decided and not yet signed: its own result may still come or change. */
const BEFORE_SIGNING: readonly ApplicationState[] = [
  'received',
  'in_progress',
  'supplement_requested',
  'decided',
];

/**
 * The agency's own result of a file (docs/documents.md, "The clerk's own result"): a PDF a clerk wrote,
 * which OneGate signs in place of the generated one. Checked like every upload, and refused when it is
 * not a PDF OneGate can sign. Uploaded to a decided file, it asks for the signature at once.
 */
@Injectable()
export class DraftedResultService {
  public constructor(
    private readonly applications: ApplicationRepository,
    private readonly drafts: DraftedResultRepository,
    private readonly results: IssuedResultRepository,
    private readonly access: ApplicationAccessService,
    private readonly files: FileStore,
    private readonly outbox: Outbox,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  public async upload(
    user: AuthenticatedUser,
    applicationId: string,
    upload: { originalName: string; path: string; sizeBytes: number } | undefined,
  ): Promise<DraftedResult> {
    const application = await this.assertMayUpload(user, applicationId);
    if (!upload)
      throw invalidFields([{ field: 'file', problems: ['a file is required in the "file" part'] }]);
    await checkedUpload(upload, { accepted: ['application/pdf'], limit: MAX_UPLOAD_BYTES, field: 'file' });
    assertSignable(await readFile(upload.path));
    const stored = await this.files.saveFile(upload.path);
    const uploadedAt = this.clock.now();
    const draft: DraftedResult = {
      applicationId,
      originalName: safeName(upload.originalName),
      uploadedBy: user.id,
      uploadedAt,
      ...stored,
    };
    const earlier = await this.transactions.run(async (manager) => {
      const replaced = await this.drafts.replace(draft, manager);
      // A decided file waits for its signature: OneGate signs the clerk's result now.
      if (application.state === 'decided') {
        const jobId = `${applicationId}:drafted-result:${uploadedAt.getTime()}`;
        await this.outbox.add(manager, [{ name: JobName.IssueResult, payload: { applicationId }, jobId }]);
      }
      return replaced;
    });
    if (earlier && earlier.storageKey !== draft.storageKey) await this.files.remove(earlier.storageKey);
    return draft;
  }

  public async draftOf(user: AuthenticatedUser, applicationId: string): Promise<DraftedResult | null> {
    await this.access.assertVisible(user, await this.applications.findById(applicationId));
    return this.drafts.findFor(applicationId);
  }

  /** The uploaded PDF, inline, for whoever may see the file. */
  public async open(user: AuthenticatedUser, applicationId: string): Promise<StreamableFile> {
    const draft = await this.draftOf(user, applicationId);
    if (!draft) throw new NotFoundException('No result was uploaded for this application');
    return new StreamableFile(this.files.open(draft.storageKey), {
      type: 'application/pdf',
      length: draft.sizeBytes,
      disposition: contentDisposition(draft.originalName).replace(/^attachment/, 'inline'),
    });
  }

  /** Checked before the upload is read (docs/applications.md, "Reading an upload"). */
  public async assertMayUpload(user: AuthenticatedUser, applicationId: string): Promise<Application> {
    const application = await this.access.assertVisible(
      user,
      await this.applications.findById(applicationId),
    );
    if (user.role !== 'clerk') throw new ForbiddenException("Only a clerk uploads the agency's own result");
    if (application.signed || (await this.results.findByApplication(applicationId)))
      throw new ConflictException('The result is signed already: it can no longer be replaced');
    if (!BEFORE_SIGNING.includes(application.state))
      throw new ConflictException(
        `A result cannot be uploaded while the application is ${application.state}`,
      );
    return application;
  }
}

/** OneGate signs a PDF by adding its signature's place to it: a PDF it cannot add it to is refused. */
function assertSignable(pdf: Buffer): void {
  try {
    plainAddPlaceholder({ pdfBuffer: pdf, reason: 'check', contactInfo: '', name: '', location: '' });
  } catch {
    throw invalidFields([
      {
        field: 'file',
        problems: [
          'is a PDF OneGate cannot sign: save it again as a plain PDF (PDF/A, without object streams)',
        ],
      },
    ]);
  }
}
