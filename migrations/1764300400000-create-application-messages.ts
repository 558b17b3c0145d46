import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table } from 'typeorm';

import { idColumn, referenceColumn, textColumn, timestampColumn, varcharColumn } from './columns';

/** Each file's thread between its applicant and the agency (docs/messages.md). */
export class CreateApplicationMessages1764300400000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'application_messages',
        columns: [
          idColumn(),
          referenceColumn('application_id'),
          timestampColumn('at'),
          referenceColumn('author_id'),
          varcharColumn('author_role', 16),
          textColumn('body'),
          varcharColumn('action', 24, true),
        ],
        indices: [{ name: 'IDX_application_messages_application', columnNames: ['application_id', 'at'] }],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('application_messages');
  }
}
