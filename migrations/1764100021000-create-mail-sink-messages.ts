import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table } from 'typeorm';

import { idColumn, textColumn, timestampColumn, varcharColumn } from './columns';

export class CreateMailSinkMessages1764100021000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'mail_sink_messages',
        columns: [
          idColumn(),
          timestampColumn('received_at'),
          varcharColumn('mail_from', 320, true),
          textColumn('recipients'),
          varcharColumn('subject', 500),
          textColumn('text_body', true),
          textColumn('html_body', true),
        ],
        indices: [{ name: 'IDX_mail_sink_messages_received', columnNames: ['received_at'] }],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('mail_sink_messages');
  }
}
