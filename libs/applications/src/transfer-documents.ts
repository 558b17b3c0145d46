import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import type { Action, ProcessContext } from '@onegate/domain';
import { AttachmentRepository, NOT_REUSED } from '@onegate/persistence';
import type { Application, Attachment } from '@onegate/persistence';
import { FileStore } from '@onegate/platform';
import { ReportRollupsService } from '@onegate/reporting';

import { invalidFields } from './application-errors';
import type { MessageFile } from './application-messages.service';
import { safeName } from './attachment.service';
import { checkedUpload, DEFAULT_UPLOAD_TYPES, MAX_UPLOAD_BYTES } from './upload-checks';

/** What a transfer agency may return with the file (docs/applications.md, "Transfers"). */
export const TRANSFER_DOCUMENT_LIMITS = { files: 3, fileBytes: MAX_UPLOAD_BYTES } as const;

/** The documents of a forward, stored and waiting to be recorded in the action's transaction. */
export interface StoredTransferDocuments {
  attachments: Attachment[];
}

/**
 * The documents the agency holding a transferred step returns with the file when it forwards it
 * (docs/applications.md, "Transfers"): only on that `forward`, at most three, each checked like every
 * upload; stored before the action's transaction, recorded in it, and removed again if it fails.
 */
@Injectable()
export class TransferDocuments {
  public constructor(
    private readonly attachments: AttachmentRepository,
    private readonly files: FileStore,
    private readonly reportRollups: ReportRollupsService,
  ) {}

  /** Checks the received files and stores them; nothing is stored when one of them is refused. */
  public async store(
    action: Action,
    application: Application,
    process: ProcessContext | undefined,
    received: readonly MessageFile[],
    by: { userId: string; at: Date },
  ): Promise<StoredTransferDocuments> {
    if (received.length === 0) return { attachments: [] };
    const step = process?.steps.find((candidate) => candidate.id === application.stepId);
    const transferred = step && application.stepAgencyId !== application.competentAgencyId;
    if (action !== 'forward' || !transferred)
      throw invalidFields([
        {
          field: 'documents',
          problems: ['are taken only when the agency holding a transferred step forwards the file'],
        },
      ]);
    if (received.length > TRANSFER_DOCUMENT_LIMITS.files)
      throw invalidFields([
        { field: 'documents', problems: [`at most ${TRANSFER_DOCUMENT_LIMITS.files} files`] },
      ]);
    const rules = {
      accepted: DEFAULT_UPLOAD_TYPES,
      limit: TRANSFER_DOCUMENT_LIMITS.fileBytes,
      field: 'documents',
    };
    const mediaTypes: string[] = [];
    for (const file of received) mediaTypes.push(await checkedUpload(file, rules));
    const attachments: Attachment[] = [];
    try {
      for (const [index, file] of received.entries()) {
        attachments.push({
          id: randomUUID(),
          applicationId: application.id,
          documentName: null,
          originalName: safeName(file.originalName),
          mediaType: mediaTypes[index]!,
          uploadedBy: by.userId,
          supplementRequest: null,
          origin: 'uploaded',
          ...NOT_REUSED,
          returnedByAgencyId: application.stepAgencyId,
          returnedAtStep: step.position,
          returnedStepName: step.nameVi,
          uploadedAt: by.at,
          ...(await this.files.saveFile(file.path)),
        });
      }
    } catch (error) {
      await this.discard({ attachments });
      throw error;
    }
    return { attachments };
  }

  /** Records the stored documents in the action's transaction. */
  public async record(manager: EntityManager, stored: StoredTransferDocuments): Promise<void> {
    const [first] = stored.attachments;
    if (!first) return;
    // Documents the file did not have may make it digitised (docs/metrics.md, "Digitisation").
    await this.reportRollups.recordDocumentsChange(manager, first.applicationId, async () => {
      for (const attachment of stored.attachments) await this.attachments.insert(attachment, manager);
    });
  }

  /** Removes the stored bytes of documents whose action did not happen. */
  public async discard(stored: StoredTransferDocuments): Promise<void> {
    await Promise.all(stored.attachments.map((attachment) => this.files.remove(attachment.storageKey)));
  }
}
