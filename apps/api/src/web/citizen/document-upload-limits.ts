import { Injectable } from '@nestjs/common';
import type { Request } from 'express';

import type { AuthenticatedUser } from '@onegate/access';
import { AttachmentService, MAX_UPLOAD_BYTES } from '@onegate/applications';

import type { PartLimits } from '../../uploads/streamed-uploads';
import { documentId } from './application-form.view';

/**
 * Each document input of the application form (`document-<index>`) takes a file up to its document's
 * own limit, so a file over it is refused while it streams in (docs/applications.md, "Upload problems").
 * Runs after the access guard has found the caller to be the applicant.
 */
@Injectable()
export class DocumentUploadLimits implements PartLimits {
  public constructor(private readonly attachments: AttachmentService) {}

  public async bytesByField(
    request: Request & { user?: AuthenticatedUser },
  ): Promise<Record<string, number>> {
    const application = await this.attachments.assertApplicant(request.user!, String(request.params.id));
    const documents = application.procedure?.requiredDocuments ?? [];
    return Object.fromEntries(
      documents.map((document, index) => [
        documentId(index),
        Math.min(document.maxSizeBytes, MAX_UPLOAD_BYTES),
      ]),
    );
  }
}
