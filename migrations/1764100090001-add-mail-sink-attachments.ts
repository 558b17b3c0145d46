import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TableColumn } from 'typeorm';

import { textColumn } from './columns';

/** The files a message caught by the development mail sink carried. */
export class AddMailSinkAttachments1764100090001 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('mail_sink_messages', new TableColumn(textColumn('attachments', true)));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('mail_sink_messages', 'attachments');
  }
}
