import { Injectable } from '@nestjs/common';
import type { Request } from 'express';

import type { AuthenticatedUser } from '@onegate/access';
import { AttachmentService, MAX_UPLOAD_BYTES, SupplementCheck } from '@onegate/applications';

import type { PartLimits } from '../../uploads/streamed-uploads';
import { itemId } from '../core/supplement-view';
import { documentId } from './application-form.view';

/**
 * Each document input of the application form (`document-<index>`) takes a file up to its document's
 * own limit, so a file over it is refused while it streams in (docs/applications.md, "Upload problems");
 * each input of a supplement request's item (`item-<index>`) likewise, by its procedure document's
 * limit or, for an item the clerk typed, the largest upload. Runs after the access guard has found the
 * caller to be the applicant.
 */
@Injectable()
export class DocumentUploadLimits implements PartLimits {
  public constructor(
    private readonly attachments: AttachmentService,
    private readonly supplements: SupplementCheck,
  ) {}

  public async bytesByField(
    request: Request & { user?: AuthenticatedUser },
  ): Promise<Record<string, number>> {
    const application = await this.attachments.assertApplicant(request.user!, String(request.params.id));
    const documents = application.procedure?.requiredDocuments ?? [];
    const limitOf = (name: string) =>
      Math.min(
        documents.find((document) => document.name === name)?.maxSizeBytes ?? MAX_UPLOAD_BYTES,
        MAX_UPLOAD_BYTES,
      );
    const supplement =
      application.state === 'supplement_requested' ? await this.supplements.lastRequest(application) : null;
    return Object.fromEntries([
      ...documents.map((document, index) => [documentId(index), limitOf(document.name)] as const),
      ...(supplement?.items ?? []).map((item, index) => [itemId(index), limitOf(item.name)] as const),
    ]);
  }
}
