import type { MigrationInterface, QueryRunner } from 'typeorm';

import { resizeVarchar } from './resize-varchar';

const DOCUMENT_NAME_LENGTH = 255;
/** As long as one item of a supplement request, whose files are kept under its words. */
const REQUESTED_ITEM_LENGTH = 500;

/**
 * A document answering a supplement request is kept under the request's item, which a clerk may have
 * typed in up to 500 characters.
 */
export class WidenAttachmentDocumentName1764300300000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await resizeVarchar(queryRunner, 'attachments', 'document_name', REQUESTED_ITEM_LENGTH, true);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await resizeVarchar(queryRunner, 'attachments', 'document_name', DOCUMENT_NAME_LENGTH, true);
  }
}
