import { ConflictException, Injectable } from '@nestjs/common';

import { AppConfig } from '@onegate/config';
import type { ApplicationState } from '@onegate/domain';
import {
  ApplicationRepository,
  AttachmentRepository,
  TransactionRunner,
  UserRepository,
} from '@onegate/persistence';
import type { Application, Attachment, AttachmentUsage } from '@onegate/persistence';
import { ReportRollupsService } from '@onegate/reporting';

/** The states in which the applicant adds documents. */
const TAKING_DOCUMENTS: readonly ApplicationState[] = ['draft', 'supplement_requested'];
const MIB = 1024 * 1024;

/**
 * What one citizen may keep stored (docs/applications.md): documents under each required document,
 * bytes per application, open drafts per account. Each check runs in the transaction that records the
 * new row, with the application's (or the account's) row held, so requests made at the same time take
 * turns and cannot pass a limit together.
 */
@Injectable()
export class StorageLimits {
  public constructor(
    private readonly config: AppConfig,
    private readonly applications: ApplicationRepository,
    private readonly attachments: AttachmentRepository,
    private readonly users: UserRepository,
    private readonly transactions: TransactionRunner,
    private readonly reportRollups: ReportRollupsService,
  ) {}

  /**
   * Refuses, before its bytes are stored, a document that would break a limit as things stand. Only a
   * first look, without holding anything: `recordAttachment` decides.
   */
  public async checkAttachment(
    applicationId: string,
    documentName: string | null,
    sizeBytes: number,
  ): Promise<void> {
    this.assertRoom(await this.attachments.usage(applicationId, documentName), sizeBytes);
  }

  /** Records an uploaded document, its upload being the application's latest change. */
  public recordAttachment(attachment: Attachment): Promise<void> {
    const { applicationId, documentName, uploadedAt, sizeBytes } = attachment;
    return this.transactions.run(async (manager) => {
      if (!(await this.applications.touchInStates(manager, applicationId, TAKING_DOCUMENTS, uploadedAt)))
        throw new ConflictException('The application no longer takes documents: reload it');
      this.assertRoom(await this.attachments.usage(applicationId, documentName, manager), sizeBytes);
      // A document of a received file (a supplement's) moves its digitisation counts.
      await this.reportRollups.recordDocumentsChange(manager, applicationId, () =>
        this.attachments.insert(attachment, manager),
      );
    });
  }

  /** Records a citizen's new draft. */
  public recordDraft(draft: Application): Promise<void> {
    const { openDraftsPerAccount: limit, draftRetentionDays: days } = this.config.storageLimits;
    const applicantId = draft.applicantId!;
    return this.transactions.run(async (manager) => {
      await this.users.hold(manager, applicantId);
      const drafts = await this.applications.countDraftsOf(manager, applicantId);
      if (drafts >= limit) {
        throw new ConflictException({
          message: `You already have ${drafts} open drafts: the limit is ${limit} open drafts per account; a draft untouched for ${days} days is removed`,
          details: { openDrafts: drafts, limit, draftRetentionDays: days },
        });
      }
      await this.applications.insert(manager, draft);
    });
  }

  private assertRoom(usage: AttachmentUsage, sizeBytes: number): void {
    const limits = this.config.storageLimits;
    if (usage.filesUnderDocument >= limits.filesPerDocument) {
      throw limitReached(
        'documentName',
        `already has ${usage.filesUnderDocument} files: the limit is ${limits.filesPerDocument} files per document`,
      );
    }
    const total = usage.uploadedBytes + sizeBytes;
    if (total > limits.bytesPerApplication) {
      throw limitReached(
        'file',
        `would bring this application's documents to ${mebibytes(total)} MB: the limit is ${mebibytes(limits.bytesPerApplication)} MB per application`,
      );
    }
  }
}

function limitReached(field: string, problem: string): ConflictException {
  const subject = field === 'file' ? 'This file' : 'This document';
  return new ConflictException({
    message: `${subject} ${problem}`,
    details: [{ field, problems: [problem] }],
  });
}

/** Rounded up, so a total just past the limit never reads as the limit itself. */
const mebibytes = (bytes: number) => Math.ceil((bytes / MIB) * 10) / 10;
