import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, Like, Not, Repository } from 'typeorm';

import { Attachment } from '../entities';
import { EntityRows } from '../entity-rows';
import { MESSAGE_FILES_PREFIX } from './application-message.repository';

/** What an application already holds, as the upload limits count it. */
export interface AttachmentUsage {
  /** Documents under one required document name (or among the extra documents, for null). */
  filesUnderDocument: number;
  /** Bytes of everything people uploaded; the forms OneGate renders itself do not count. */
  uploadedBytes: number;
}

@Injectable()
export class AttachmentRepository {
  private readonly attachments: Repository<Attachment>;
  private readonly rows: EntityRows<Attachment>;

  public constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.attachments = dataSource.getRepository(Attachment);
    this.rows = new EntityRows(dataSource, Attachment);
  }

  public async insert(
    attachment: Attachment,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await this.rows.insert(manager, [attachment]);
  }

  public findOne(applicationId: string, id: string): Promise<Attachment | null> {
    return this.attachments.findOneBy({ applicationId, id });
  }

  public async usage(
    applicationId: string,
    documentName: string | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<AttachmentUsage> {
    const attachments = manager.getRepository(Attachment);
    // What a transfer agency returned (docs/applications.md, "Transfers") is no part of the applicant's room.
    const ofApplicant = { applicationId, returnedByAgencyId: IsNull() };
    const filesUnderDocument = await attachments.countBy({
      ...ofApplicant,
      documentName: documentName ?? IsNull(),
    });
    // A message's files (docs/messages.md) are limited by the message, not by the documents' room.
    const uploadedBytes = await attachments.sum('sizeBytes', [
      { ...ofApplicant, uploadedBy: Not(IsNull()), documentName: IsNull() },
      { ...ofApplicant, uploadedBy: Not(IsNull()), documentName: Not(Like(`${MESSAGE_FILES_PREFIX}%`)) },
    ]);
    return { filesUnderDocument, uploadedBytes: uploadedBytes ?? 0 };
  }
}
