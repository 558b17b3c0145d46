import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TableColumn } from 'typeorm';

import { referenceColumn } from './columns';

/** The form a notification's e-mail carries as a PDF. */
export class AddNotificationAttachment1764100090000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('notifications', new TableColumn(referenceColumn('attachment_id', true)));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('notifications', 'attachment_id');
  }
}
