import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TableColumn } from 'typeorm';

import { integerColumn } from './columns';

/**
 * The supplement request a document was sent for (the sequence of its `request_supplement` event), so
 * that what answers a request does not hang on clock times; null for any other document.
 */
export class AddAttachmentSupplementRequest1764300301000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'attachments',
      new TableColumn({ ...integerColumn('supplement_request'), isNullable: true }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('attachments', 'supplement_request');
  }
}
